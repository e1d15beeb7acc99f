package dev.tern.store.rocksdb;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes one value: a leading format byte, then fields in a fixed order. Strings are a 4-byte length and standard
 * UTF-8 (not {@link DataOutputStream#writeUTF}, whose modified UTF-8 and 64 KiB limit do not fit arbitrary text).
 */
final class ValueOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    private final DataOutputStream out = new DataOutputStream(bytes);

    ValueOutput(int formatByte) {
        writeByte(formatByte);
    }

    ValueOutput writeByte(int value) {
        return run(() -> out.writeByte(value));
    }

    ValueOutput writeBoolean(boolean value) {
        return run(() -> out.writeBoolean(value));
    }

    ValueOutput writeInt(int value) {
        return run(() -> out.writeInt(value));
    }

    ValueOutput writeLong(long value) {
        return run(() -> out.writeLong(value));
    }

    ValueOutput writeBytes(byte[] value) {
        return run(() -> {
            out.writeInt(value.length);
            out.write(value);
        });
    }

    ValueOutput writeString(String value) {
        return writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    ValueOutput writeOptionalString(Optional<String> value) {
        writeBoolean(value.isPresent());
        value.ifPresent(this::writeString);
        return this;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private interface Step {
        void run() throws IOException;
    }

    private ValueOutput run(Step step) {
        try {
            step.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }
}
