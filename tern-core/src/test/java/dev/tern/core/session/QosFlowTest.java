package dev.tern.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Qos;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DisconnectKind;
import dev.tern.api.session.SessionRequest;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QosFlowTest {
    private final CoreFixture core = new CoreFixture();

    @Test
    void theInflightWindowHonoursTheClientsReceiveMaximum() {
        CoreFixture.Client sub = core.connect("sub", true, 0, 2, Optional.empty());
        sub.subscribe("t", Qos.AT_LEAST_ONCE);

        for (int i = 1; i <= 4; i++) {
            core.publish("t", "m" + i, Qos.AT_LEAST_ONCE, false);
        }
        assertThat(sub.received()).containsExactly("m1", "m2");

        sub.session.acknowledged(sub.outlet.deliveries.get(0).packetId());
        assertThat(sub.received()).containsExactly("m1", "m2", "m3");
    }

    @Test
    void unacknowledgedDeliveriesAreResentWithDupAndTheirPacketIdsAfterReconnect() {
        CoreFixture.Client first = core.connect("sub", false, SessionRequest.NEVER_EXPIRES);
        first.subscribe("t", Qos.EXACTLY_ONCE);
        core.publish("t", "one", Qos.AT_LEAST_ONCE, false);
        core.publish("t", "two", Qos.EXACTLY_ONCE, false);
        core.settle();
        Delivery one = first.outlet.deliveries.get(0);
        Delivery two = first.outlet.deliveries.get(1);
        assertThat(first.pubrec(two.packetId())).isTrue();
        first.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());

        CoreFixture.Client again = core.connect("sub", false, SessionRequest.NEVER_EXPIRES);
        core.settle();

        // [MQTT-4.4.0-1] unacknowledged PUBLISH again with DUP, PUBREL again for the received QoS 2 message.
        assertThat(again.outlet.deliveries).singleElement().satisfies(d -> {
            assertThat(d.packetId()).isEqualTo(one.packetId());
            assertThat(d.duplicate()).isTrue();
        });
        assertThat(again.outlet.releases).containsExactly(two.packetId());
    }

    @Test
    void resendsAfterReconnectStayWithinTheNewReceiveMaximum() {
        CoreFixture.Client first = core.connect("sub", false, SessionRequest.NEVER_EXPIRES);
        first.subscribe("t", Qos.EXACTLY_ONCE);
        core.publish("t", "released", Qos.EXACTLY_ONCE, false);
        for (int i = 1; i <= 3; i++) {
            core.publish("t", "m" + i, Qos.AT_LEAST_ONCE, false);
        }
        core.settle();
        Delivery released = first.outlet.deliveries.get(0);
        assertThat(first.pubrec(released.packetId())).isTrue();
        first.session.disconnected(DisconnectKind.ABNORMAL, OptionalLong.empty());
        core.publish("t", "queued", Qos.AT_LEAST_ONCE, false);

        // [MQTT-3.3.4-9] Receive Maximum 2: the PUBREL'd QoS 2 message holds one place until PUBCOMP, m1 the other.
        CoreFixture.Client again = core.connect("sub", false, SessionRequest.NEVER_EXPIRES, 2, Optional.empty());
        core.settle();
        assertThat(again.outlet.releases).containsExactly(released.packetId());
        assertThat(again.received()).containsExactly("m1");
        assertThat(again.outlet.deliveries).allMatch(Delivery::duplicate);

        again.session.completed(released.packetId());
        assertThat(again.received()).containsExactly("m1", "m2");
        again.session.acknowledged(again.outlet.deliveries.get(0).packetId());
        assertThat(again.received()).containsExactly("m1", "m2", "m3");
        // Only when every resend is out does the queued message follow, sent for the first time.
        again.session.acknowledged(again.outlet.deliveries.get(1).packetId());
        assertThat(again.received()).containsExactly("m1", "m2", "m3", "queued");
        assertThat(again.outlet.deliveries.get(3).duplicate()).isFalse();
    }

    @Test
    void qos2DeliveryCompletesOnlyAfterPubcomp() {
        CoreFixture.Client sub = core.connect("sub", true, 0, 1, Optional.empty());
        sub.subscribe("t", Qos.EXACTLY_ONCE);
        core.publish("t", "a", Qos.EXACTLY_ONCE, false);
        core.publish("t", "b", Qos.EXACTLY_ONCE, false);
        core.settle();
        int id = sub.outlet.deliveries.get(0).packetId();

        sub.pubrec(id);
        assertThat(sub.received()).containsExactly("a");
        sub.session.completed(id);
        assertThat(sub.received()).containsExactly("a", "b");
    }

    @Test
    void aDuplicateInboundQos2PacketIdIsRecognisedUntilReleased() {
        CoreFixture.Client pub = core.connect("pub", true, 0);

        assertThat(pub.session.beginExactlyOnce(7)).isTrue();
        assertThat(pub.session.beginExactlyOnce(7)).isFalse();
        assertThat(pub.session.pendingExactlyOnce()).isEqualTo(1);
        assertThat(pub.pubrel(7)).isTrue();
        assertThat(pub.pubrel(7)).isFalse();
        assertThat(pub.session.beginExactlyOnce(7)).isTrue();
    }

    @Test
    void messagesForAnUnwritableConnectionWaitAndKeepTheirOrder() {
        CoreFixture.Client sub = core.connect("sub", true, 0);
        sub.subscribe("t", Qos.AT_LEAST_ONCE);
        sub.outlet.writable = false;

        core.publish("t", "1", Qos.AT_MOST_ONCE, false);
        core.publish("t", "2", Qos.AT_LEAST_ONCE, false);
        assertThat(sub.received()).isEmpty();

        sub.outlet.writable = true;
        sub.session.resume();
        assertThat(sub.received()).containsExactly("1", "2");
    }

    @Test
    void aFullQueueDropsNewMessagesAndCountsThem() {
        CoreFixture small = new CoreFixture(new dev.tern.core.CoreSettings(
                10,
                1,
                2,
                1 << 20,
                dev.tern.core.CoreSettings.QueueOverflow.DROP_NEW,
                false,
                3600,
                10,
                8,
                100,
                Qos.EXACTLY_ONCE,
                true,
                true,
                true,
                true,
                0,
                "test"));
        CoreFixture.Client sub = small.connect("sub", true, 0);
        sub.subscribe("t", Qos.AT_LEAST_ONCE);

        for (int i = 1; i <= 5; i++) {
            small.publish("t", "m" + i, Qos.AT_LEAST_ONCE, false);
        }
        small.settle();
        for (int i = 0; i < 3; i++) {
            sub.session.acknowledged(sub.outlet.deliveries.get(i).packetId());
        }

        assertThat(sub.received()).containsExactly("m1", "m2", "m3");
        assertThat(small.counters.dropped(dev.tern.api.broker.Traffic.DropReason.QUEUE_FULL))
                .isEqualTo(2);
    }

    @Test
    void aMessageTooLargeForTheClientIsDroppedAndFreesItsSlot() {
        CoreFixture.Client sub = core.connect("sub", true, 0, 1, Optional.empty());
        sub.subscribe("t", Qos.AT_LEAST_ONCE);
        sub.outlet.maximumPayload = 3;

        core.publish("t", "too large", Qos.AT_LEAST_ONCE, false);
        core.publish("t", "ok", Qos.AT_LEAST_ONCE, false);

        assertThat(sub.received()).containsExactly("ok");
    }
}
