package dev.tern.store.rocksdb;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads what {@link ValueOutput} wrote; every inconsistency is a {@link CorruptValueException}, never a crash. */
final class ValueInput {
    private final ByteBuffer in;

    ValueInput(byte[] value, int expectedFormat) {
        this.in = ByteBuffer.wrap(value);
        int format = readByte();
        if (format != expectedFormat) {
            throw new CorruptValueException("value format " + format + ", expected " + expectedFormat);
        }
    }

    int readByte() {
        return guard(() -> in.get() & 0xFF);
    }

    boolean readBoolean() {
        int b = readByte();
        if (b > 1) {
            throw new CorruptValueException("boolean byte " + b);
        }
        return b == 1;
    }

    int readInt() {
        return guard(in::getInt);
    }

    long readLong() {
        return guard(in::getLong);
    }

    byte[] readBytes() {
        int length = readInt();
        if (length < 0 || length > in.remaining()) {
            throw new CorruptValueException("length " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    String readString() {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(readBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CorruptValueException("a string is not valid UTF-8");
        }
    }

    Optional<String> readOptionalString() {
        return readBoolean() ? Optional.of(readString()) : Optional.empty();
    }

    /** Trailing bytes mean the value is not what we think it is. */
    void end() {
        if (in.hasRemaining()) {
            throw new CorruptValueException(in.remaining() + " unexpected bytes at the end");
        }
    }

    private interface Read<T> {
        T read();
    }

    private static <T> T guard(Read<T> read) {
        try {
            return read.read();
        } catch (BufferUnderflowException e) {
            throw new CorruptValueException("the value ends early");
        }
    }
}
