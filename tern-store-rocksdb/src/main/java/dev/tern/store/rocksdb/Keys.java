package dev.tern.store.rocksdb;

import dev.tern.api.topic.TopicFilter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Binary keys. Every per-session row starts with the client's prefix, a 4-byte big-endian length and the UTF-8 client
 * identifier: no identifier's prefix is the start of another's, so one session's rows are exactly one key range, and
 * a client identifier may hold any character. Numbers are big-endian with the sign bit flipped, so RocksDB's byte order
 * is numeric order (deliveries iterate in sequence order).
 */
final class Keys {
    private Keys() {}

    static final byte[] FORMAT_VERSION = ascii("format-version");
    static final byte[] LAST_MESSAGE_ID = ascii("last-message-id");

    static byte[] client(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + id.length).putInt(id.length).put(id).array();
    }

    /** The first key after every key that starts with {@code prefix}: the end of a session's range. */
    static byte[] rangeEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        throw new IllegalArgumentException("no key follows an all-0xFF prefix");
    }

    /** Client prefix, 0 (not shared) or 1 and the length-prefixed share group, then the filter. */
    static byte[] subscription(String clientId, TopicFilter filter) {
        byte[] prefix = client(clientId);
        byte[] text = filter.filter().getBytes(StandardCharsets.UTF_8);
        byte[] group =
                filter.shareGroup().map(g -> g.getBytes(StandardCharsets.UTF_8)).orElse(null);
        ByteBuffer key = ByteBuffer.allocate(prefix.length + 1 + (group == null ? 0 : 4 + group.length) + text.length);
        key.put(prefix);
        if (group == null) {
            key.put((byte) 0);
        } else {
            key.put((byte) 1).putInt(group.length).put(group);
        }
        return key.put(text).array();
    }

    static byte[] delivery(String clientId, long seq) {
        byte[] prefix = client(clientId);
        return ByteBuffer.allocate(prefix.length + 8)
                .put(prefix)
                .putLong(ordered(seq))
                .array();
    }

    static byte[] exactlyOnce(String clientId, int packetId) {
        byte[] prefix = client(clientId);
        return ByteBuffer.allocate(prefix.length + 4)
                .put(prefix)
                .putInt(packetId)
                .array();
    }

    static byte[] message(long messageId) {
        return ByteBuffer.allocate(8).putLong(ordered(messageId)).array();
    }

    static byte[] retained(String topic) {
        return topic.getBytes(StandardCharsets.UTF_8);
    }

    /** A key read back: the client it belongs to and what follows the client prefix. */
    record ClientKey(String clientId, ByteBuffer rest) {
        long seq() {
            return ordered(rest.getLong(rest.position()));
        }

        int packetId() {
            return rest.getInt(rest.position());
        }

        TopicFilter filter() {
            ByteBuffer b = rest.duplicate();
            Optional<String> group = Optional.empty();
            if (b.get() == 1) {
                byte[] g = new byte[b.getInt()];
                b.get(g);
                group = Optional.of(new String(g, StandardCharsets.UTF_8));
            }
            byte[] f = new byte[b.remaining()];
            b.get(f);
            return new TopicFilter(new String(f, StandardCharsets.UTF_8), group);
        }
    }

    static ClientKey parseClient(byte[] key) {
        ByteBuffer b = ByteBuffer.wrap(key);
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new IllegalArgumentException("client prefix length " + length + " exceeds the key");
        }
        String clientId = new String(key, 4, length, StandardCharsets.UTF_8);
        b.position(4 + length);
        return new ClientKey(clientId, b.slice());
    }

    static long messageId(byte[] key) {
        return ordered(ByteBuffer.wrap(key).getLong());
    }

    /** Flipping the sign bit makes unsigned byte order agree with signed numeric order (and is its own inverse). */
    static long ordered(long value) {
        return value ^ Long.MIN_VALUE;
    }

    /** A key as a person can read it in an error message: printable ASCII kept, the rest as hex escapes. */
    static String describe(byte[] key) {
        StringBuilder text = new StringBuilder();
        for (byte b : key) {
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                text.append((char) b);
            } else {
                text.append("\\x").append(HexFormat.of().toHexDigits(b));
            }
        }
        return text.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
