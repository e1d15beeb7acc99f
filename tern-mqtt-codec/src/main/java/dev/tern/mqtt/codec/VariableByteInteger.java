package dev.tern.mqtt.codec;

import io.netty.buffer.ByteBuf;

/** Variable Byte Integer (section 1.5.5): 7 bits a byte, at most four bytes, smallest encoding only. */
final class VariableByteInteger {
    static final int MAX_VALUE = 268_435_455;

    /** Returned by {@link #peek} when the buffer does not yet hold the whole integer. */
    static final int INCOMPLETE = -1;

    private VariableByteInteger() {}

    /**
     * Reads the integer at {@code index} without moving the reader index. Returns {@link #INCOMPLETE} when more bytes
     * are needed, otherwise the value in the low 32 bits and the encoded length in bits 32..34.
     */
    static long peek(ByteBuf in, int index) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            if (index + i >= in.writerIndex()) {
                return INCOMPLETE;
            }
            int b = in.getUnsignedByte(index + i);
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                // [MQTT-1.5.5-1] The encoded value MUST use the minimum number of bytes necessary.
                if (i > 0 && b == 0) {
                    throw MalformedPacketException.malformed(
                            "MQTT-1.5.5-1", "Variable Byte Integer is not minimally encoded");
                }
                return ((long) (i + 1) << 32) | value;
            }
        }
        throw MalformedPacketException.malformed("MQTT-1.5.5-1", "Variable Byte Integer longer than four bytes");
    }

    /** Reads an integer that must be complete within {@code in}'s readable bytes. */
    static int read(ByteBuf in) {
        long peeked = peek(in, in.readerIndex());
        if (peeked == INCOMPLETE) {
            throw MalformedPacketException.malformed("1.5.5", "Variable Byte Integer runs past the end of the packet");
        }
        in.skipBytes((int) (peeked >>> 32));
        return (int) peeked;
    }

    static void write(ByteBuf out, int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("Variable Byte Integer out of range: " + value);
        }
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.writeByte(value > 0 ? b | 0x80 : b);
        } while (value > 0);
    }

    static int size(int value) {
        if (value < 128) {
            return 1;
        } else if (value < 16_384) {
            return 2;
        } else if (value < 2_097_152) {
            return 3;
        }
        return 4;
    }
}
