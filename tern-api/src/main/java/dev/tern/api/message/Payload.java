package dev.tern.api.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a message, immutable once made. Protocol adapters copy received bytes into a payload once (ingress) and
 * wrap the same array for every subscriber without copying (egress); stores write the array as it is.
 *
 * <p>A byte array rather than a reference-counted buffer: the core must not see Netty, a payload may live for days in a
 * session queue and a store, and no release can be forgotten. The one copy on ingress is measured in
 * docs/benchmarks.md.
 */
public final class Payload {
    public static final Payload EMPTY = new Payload(new byte[0]);

    private final byte[] bytes;

    private Payload(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must never modify the array afterwards. */
    public static Payload wrapOwned(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Payload(bytes);
    }

    /** A payload holding a copy of {@code bytes}. */
    public static Payload copyOf(byte[] bytes) {
        return wrapOwned(bytes.clone());
    }

    public static Payload utf8(String text) {
        return wrapOwned(text.getBytes(StandardCharsets.UTF_8));
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The bytes themselves, shared: for wrapping into an outgoing buffer or a store write. Never modify them. */
    public byte[] sharedArray() {
        return bytes;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[" + bytes.length + " bytes]";
    }
}
