package dev.tern.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Message;
import dev.tern.api.message.MessageProperties;
import dev.tern.api.message.Payload;
import dev.tern.api.message.Qos;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.PublishOutcome;
import dev.tern.api.topic.TopicName;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Netty adapter on an embedded channel: bytes in, bytes out, flushes counted, buffers released. */
class MqttConnectionHandlerTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final String CONNECT_V311 = "10 0d 00 04 4d 51 54 54 04 02 00 3c 00 01 63";
    private static final String CONNECT_V5 = "10 0e 00 04 4d 51 54 54 05 02 00 3c 00 00 01 63";

    private final FakeBroker broker = new FakeBroker();
    private final FakeAccessControl accessControl = new FakeAccessControl();
    private final RecordingTraffic traffic = new RecordingTraffic();
    private final ManualClock clock = new ManualClock(ChannelHarness.START_MILLIS);
    private final FlushCounter flushes = new FlushCounter();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    /** Counts flushes on their way to the socket. */
    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            count++;
            ctx.flush();
        }
    }

    private void install() {
        channel.pipeline().addLast(flushes);
        MqttPipeline.install(
                channel.pipeline(),
                new ChannelEnvironment(
                        MqttSettings.defaults(),
                        broker,
                        accessControl,
                        traffic,
                        clock,
                        new ChannelHarness.FixedRandom(),
                        "tcp"));
    }

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    /** Writes {@code hex} as one read from a pooled buffer and returns that buffer (to check it was released). */
    private ByteBuf read(String hex) {
        ByteBuf bytes = ByteBufAllocator.DEFAULT.buffer().writeBytes(HEX.parseHex(hex));
        channel.writeInbound(bytes);
        return bytes;
    }

    /** Everything written to the socket so far, as hex, released. */
    private String written() {
        StringJoiner out = new StringJoiner(" ");
        ByteBuf bytes;
        while ((bytes = channel.readOutbound()) != null) {
            try {
                byte[] array = new byte[bytes.readableBytes()];
                bytes.readBytes(array);
                if (array.length > 0) {
                    out.add(HEX.formatHex(array));
                }
            } finally {
                bytes.release();
            }
        }
        return out.toString();
    }

    @Test
    void the_answers_to_one_read_go_out_with_one_flush() {
        install();
        int before = flushes.count;

        ByteBuf in = read(CONNECT_V311 + " 82 06 00 01 00 01 61 01 c0 00");

        // CONNACK, SUBACK granting QoS 1, PINGRESP.
        assertThat(written()).isEqualTo("20 02 00 00 90 03 00 01 01 d0 00");
        assertThat(flushes.count - before).isEqualTo(1);
        assertThat(in.refCnt()).isZero();
        assertThat(traffic.received).isEqualTo(25);
        assertThat(traffic.sent).isEqualTo(11);
    }

    @Test
    void a_publish_is_handed_on_and_its_buffer_released() {
        install();
        read(CONNECT_V311);
        written();

        ByteBuf in = read("32 08 00 01 74 00 07 61 62 63");

        assertThat(written()).isEqualTo("40 02 00 07");
        assertThat(in.refCnt()).isZero();
        Message message = broker.session().published.getFirst();
        assertThat(message.payload().toByteArray()).containsExactly('a', 'b', 'c');
    }

    @Test
    void a_batch_of_deliveries_is_flushed_once_when_the_core_ends_it() {
        install();
        read(CONNECT_V311);
        written();
        int before = flushes.count;
        Message message = new Message(
                new TopicName("t"),
                Payload.utf8("x"),
                Qos.AT_MOST_ONCE,
                false,
                MessageProperties.NONE,
                "other",
                clock.millis(),
                Message.NEVER_EXPIRES);

        for (int i = 0; i < 3; i++) {
            broker.outlet.deliver(new Delivery(message, Qos.AT_MOST_ONCE, 0, false, false, List.of()));
        }
        broker.outlet.flush();
        channel.runPendingTasks();

        assertThat(written()).isEqualTo("30 04 00 01 74 78 30 04 00 01 74 78 30 04 00 01 74 78");
        assertThat(flushes.count - before).isEqualTo(1);
        assertThat(broker.outlet.isWritable()).isTrue();
    }

    @Test
    void a_large_payload_goes_out_shared_and_every_buffer_is_released() {
        install();
        read(CONNECT_V311);
        written();
        byte[] payload = new byte[4096];
        Message message = new Message(
                new TopicName("t"),
                Payload.wrapOwned(payload),
                Qos.AT_LEAST_ONCE,
                false,
                MessageProperties.NONE,
                "other",
                clock.millis(),
                Message.NEVER_EXPIRES);

        broker.outlet.deliver(new Delivery(message, Qos.AT_LEAST_ONCE, 1, false, false, List.of()));
        broker.outlet.flush();

        // Header, topic, packet identifier, then the 4096 bytes (remaining length 4101 = 0x85 0x20).
        assertThat(written()).startsWith("32 85 20 00 01 74 00 01 00 00");
    }

    @Test
    void an_acknowledgement_that_comes_later_is_flushed_by_the_end_of_the_loop_cycle() {
        install();
        read(CONNECT_V5);
        written();
        broker.session().holdOutcomes = true;
        read("32 06 00 01 74 00 07 00 78".replace("32 06", "32 07"));
        assertThat(written()).isEmpty();

        broker.session().heldOutcomes.getFirst().accept(new PublishOutcome.Accepted(0));
        channel.runPendingTasks();

        assertThat(written()).isEqualTo("40 03 00 07 10");
    }

    @Test
    void a_malformed_packet_gets_disconnect_then_the_connection_closes_and_the_will_goes_out() {
        install();
        read(CONNECT_V5);
        written();

        read("36 04 00 01 74 00");
        channel.runPendingTasks();

        assertThat(written()).startsWith("e0");
        assertThat(channel.isOpen()).isFalse();
        assertThat(broker.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty()));
    }

    @Test
    void an_unsupported_protocol_level_is_refused_and_closed() {
        install();

        read("10 0c 00 04 4d 51 54 54 06 02 00 3c 00 00");
        channel.runPendingTasks();

        assertThat(written()).isEqualTo("20 02 00 01");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void the_peer_is_the_address_a_proxy_header_named() {
        channel.attr(MqttPipeline.CLIENT_ADDRESS).set(new InetSocketAddress("127.0.0.1", 4242));
        install();

        read(CONNECT_V311);

        var credentials = accessControl.asked.getFirst();
        assertThat(credentials.peer()).isEqualTo("127.0.0.1:4242");
        assertThat(credentials.peerIsLoopback()).isTrue();
        assertThat(credentials.listener()).isEqualTo("tcp");
    }

    @Test
    void the_socket_closing_ends_the_session_abnormally() {
        install();
        read(CONNECT_V311);

        channel.close();

        assertThat(broker.session().disconnects)
                .containsExactly(new FakeSession.Disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty()));
    }
}
