package dev.tern.mqtt.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Binary Data as the spec defines it (a two-byte length, then bytes): passwords, correlation and authentication data.
 * A record around a defensive copy, with content equality, which a bare {@code byte[]} in a record would lack.
 */
public record BinaryData(byte[] bytes) {
    public static final BinaryData EMPTY = new BinaryData(new byte[0]);

    public BinaryData {
        if (bytes.length > 65_535) {
            throw new IllegalArgumentException("Binary Data holds at most 65535 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Reads without copying; callers promise not to modify the array. */
    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryData that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BinaryData[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
