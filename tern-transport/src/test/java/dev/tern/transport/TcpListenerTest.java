package dev.tern.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class TcpListenerTest {

    private final EventLoops loops = EventLoops.start(1);

    @AfterEach
    void stopLoops() {
        assertThat(loops.shutdown(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void portZeroBindsAFreeEphemeralPortAndReportsIt() throws IOException {
        try (TcpListener listener = TcpListener.bind(settings(0), loops, channel -> {})) {
            assertThat(listener.port()).isBetween(1, 65_535);
            assertThat(listener.localAddress().getPort()).isEqualTo(listener.port());
            assertThat(listener.isAccepting()).isTrue();
        }
    }

    @Test
    void eachAcceptedConnectionGoesThroughTheOwnersSetup() throws Exception {
        try (TcpListener listener = TcpListener.bind(settings(0), loops, TcpListenerTest::echo);
                Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));

            assertThat(readExactly(socket.getInputStream(), 4)).isEqualTo("ping");
        }
    }

    @Test
    void acceptedConnectionsHaveNoDelayAndTheConfiguredWriteBufferWaterMarks() throws Exception {
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        TcpListenerSettings settings = new TcpListenerSettings("test", "127.0.0.1", 0, 1_000, 2_000);
        try (TcpListener listener = TcpListener.bind(settings, loops, accepted::complete);
                Socket ignored = new Socket("127.0.0.1", listener.port())) {
            Channel channel = accepted.get(10, TimeUnit.SECONDS);

            assertThat(channel.config().getOption(ChannelOption.TCP_NODELAY)).isTrue();
            WriteBufferWaterMark marks = channel.config().getOption(ChannelOption.WRITE_BUFFER_WATER_MARK);
            assertThat(marks.low()).isEqualTo(1_000);
            assertThat(marks.high()).isEqualTo(2_000);
        }
    }

    @Test
    void theListenerKnowsItsOpenConnectionsAndForgetsClosedOnes() throws Exception {
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        try (TcpListener listener = TcpListener.bind(settings(0), loops, accepted::complete)) {
            Channel channel;
            try (Socket ignored = new Socket("127.0.0.1", listener.port())) {
                channel = accepted.get(10, TimeUnit.SECONDS);
                assertThat(listener.connections().contains(channel)).isTrue();
            }
            // The group drops a channel in a listener on its close future, which may run just after the future is done.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !channel.isOpen() && !listener.connections().contains(channel));
        }
    }

    @Test
    void closingStopsAcceptingButKeepsAcceptedConnectionsOpen() throws Exception {
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        TcpListener listener = TcpListener.bind(settings(0), loops, channel -> {
            echo(channel);
            accepted.complete(channel);
        });
        int port = listener.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // Only a connection the listener has accepted is its own; one still in the kernel's backlog goes with it.
            accepted.get(10, TimeUnit.SECONDS);
            listener.close();

            assertThat(listener.isAccepting()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
            socket.getOutputStream().write("still".getBytes(StandardCharsets.US_ASCII));
            assertThat(readExactly(socket.getInputStream(), 5)).isEqualTo("still");
        }
    }

    @Test
    void aPortInUseFailsWithAMessageNamingTheAddress() throws IOException {
        try (TcpListener first = TcpListener.bind(settings(0), loops, channel -> {})) {
            assertThatThrownBy(() -> TcpListener.bind(settings(first.port()), loops, channel -> {}))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot listen on tcp 127.0.0.1:" + first.port() + ": ")
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void anUnresolvableBindAddressFailsWithAMessageNamingIt() {
        TcpListenerSettings settings = TcpListenerSettings.of("test", "no-such-host.invalid", 0);

        assertThatThrownBy(() -> TcpListener.bind(settings, loops, channel -> {}))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot resolve the bind address 'no-such-host.invalid'");
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void linuxOnX86RunsOnEpoll() {
        assertThat(loops.transportName()).isEqualTo("epoll");
    }

    @Test
    void theNioFallbackServesConnectionsToo() throws Exception {
        EventLoops nio = EventLoops.startNio(1);
        try (TcpListener listener = TcpListener.bind(settings(0), nio, TcpListenerTest::echo);
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", listener.port()), 10_000);
            socket.getOutputStream().write("nio".getBytes(StandardCharsets.US_ASCII));

            assertThat(readExactly(socket.getInputStream(), 3)).isEqualTo("nio");
            assertThat(nio.transportName()).isEqualTo("nio");
        } finally {
            assertThat(nio.shutdown(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void hostAndPortPutsIpv6LiteralsInBrackets() {
        assertThat(TcpListener.hostAndPort("0.0.0.0", 1883)).isEqualTo("0.0.0.0:1883");
        assertThat(TcpListener.hostAndPort("::", 1883)).isEqualTo("[::]:1883");
    }

    private static TcpListenerSettings settings(int port) {
        return TcpListenerSettings.of("test", "127.0.0.1", port);
    }

    private static void echo(Channel channel) {
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ctx.writeAndFlush((ByteBuf) msg);
            }
        });
    }

    private static String readExactly(InputStream in, int length) throws IOException {
        return new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
