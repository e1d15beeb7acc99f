package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 Encoded Strings (section 1.5.4), Binary Data (1.5.6) and String Pairs (1.5.7).
 *
 * <p>Hand-written only in the ASCII fast path, which measurably dominates MQTT traffic; everything else goes through
 * the JDK's strict decoder (REPORT on malformed input), which rejects overlong forms and encoded surrogates
 * [MQTT-1.5.4-1]. U+0000 is checked here because UTF-8 allows it and MQTT does not [MQTT-1.5.4-2].
 */
public final class MqttStrings {
    private MqttStrings() {}

    /** Reads a length-prefixed UTF-8 string, strictly. */
    static String readString(ByteBuf in, String field) {
        int length = readLength(in, field);
        return decodeUtf8(in, in.readerIndex(), length, field, true);
    }

    /** Reads a length-prefixed byte sequence. */
    static BinaryData readBinary(ByteBuf in, String field) {
        int length = readLength(in, field);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return new BinaryData(bytes);
    }

    private static int readLength(ByteBuf in, String field) {
        if (in.readableBytes() < 2) {
            throw MalformedPacketException.malformed(
                    "1.5.4", field + ": length prefix runs past the end of the packet");
        }
        int length = in.readUnsignedShort();
        if (length > in.readableBytes()) {
            throw MalformedPacketException.malformed(
                    "1.5.4",
                    field + ": length prefix " + length + " exceeds the " + in.readableBytes()
                            + " bytes left in the packet");
        }
        return length;
    }

    /**
     * Decodes {@code length} bytes at {@code index} (advancing the reader index when {@code consume} is set), rejecting
     * ill-formed UTF-8 and U+0000.
     */
    private static String decodeUtf8(ByteBuf in, int index, int length, String field, boolean consume) {
        String result;
        if (isPlainAscii(in, index, length, field)) {
            result = in.toString(index, length, StandardCharsets.ISO_8859_1);
        } else {
            try {
                CharBuffer chars = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(in.nioBuffer(index, length));
                result = chars.toString();
            } catch (CharacterCodingException e) {
                // [MQTT-1.5.4-1] ill-formed UTF-8, including UTF-16 surrogates encoded as UTF-8, is a Malformed Packet.
                throw MalformedPacketException.malformed("MQTT-1.5.4-1", field + " is not well-formed UTF-8");
            }
            if (result.indexOf('\u0000') >= 0) {
                throw MalformedPacketException.malformed("MQTT-1.5.4-2", field + " contains U+0000");
            }
        }
        if (consume) {
            in.skipBytes(length);
        }
        return result;
    }

    /** ASCII without NUL: the fast path that needs no decoder. */
    private static boolean isPlainAscii(ByteBuf in, int index, int length, String field) {
        for (int i = index, end = index + length; i < end; i++) {
            byte b = in.getByte(i);
            if (b <= 0) {
                if (b == 0) {
                    throw MalformedPacketException.malformed("MQTT-1.5.4-2", field + " contains U+0000");
                }
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code length} bytes at {@code index} are well-formed UTF-8 without U+0000: the check a receiver makes for a
     * PUBLISH whose Payload Format Indicator is 1 [MQTT-3.3.2-4].
     */
    public static boolean isWellFormedUtf8(ByteBuf in, int index, int length) {
        try {
            decodeUtf8(in, index, length, "payload", false);
            return true;
        } catch (MalformedPacketException e) {
            return false;
        }
    }

    /** Whether a Java string can be sent as an MQTT UTF-8 string: no U+0000, no lone surrogates, 65535 bytes at most. */
    public static boolean isEncodable(String value) {
        if (value.indexOf('\u0000') >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return utf8Length(value) <= 65_535;
    }

    static void writeString(ByteBuf out, String value) {
        int lengthIndex = out.writerIndex();
        out.writeShort(0);
        int written = out.writeCharSequence(value, StandardCharsets.UTF_8);
        if (written > 65_535) {
            throw new IllegalArgumentException("UTF-8 string longer than 65535 bytes");
        }
        out.setShort(lengthIndex, written);
    }

    static void writeBinary(ByteBuf out, BinaryData value) {
        out.writeShort(value.length());
        out.writeBytes(value.unsafeBytes());
    }

    /** Encoded size of a string including its two-byte length prefix. */
    static int stringSize(String value) {
        return 2 + utf8Length(value);
    }

    static int utf8Length(String value) {
        int length = value.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 2; // a surrogate pair is 4 bytes for 2 chars
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /** UTF-8 bytes of a string, for callers that need the raw encoding (tests, fixtures). */
    static byte[] utf8(String value) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(value);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
