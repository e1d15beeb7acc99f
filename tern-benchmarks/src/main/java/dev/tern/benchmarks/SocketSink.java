package dev.tern.benchmarks;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * What a socket write does with an outbound buffer, minus the system call: Netty's NIO transport (and epoll's iovec
 * setup) takes a single-segment buffer through {@code internalNioBuffer} and a multi-segment one through
 * {@code nioBuffers()}, then the kernel copies the bytes. The copy into {@code socket} stands for the kernel's.
 */
final class SocketSink {
    private SocketSink() {}

    static void write(ByteBuf out, ByteBuffer socket) {
        int index = out.readerIndex();
        int length = out.readableBytes();
        if (out.nioBufferCount() == 1) {
            socket.put(out.internalNioBuffer(index, length));
        } else {
            for (ByteBuffer segment : out.nioBuffers(index, length)) {
                socket.put(segment);
            }
        }
    }
}
