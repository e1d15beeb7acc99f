package dev.tern.mqtt.codec;

import static dev.tern.mqtt.codec.BytesFixtures.assertFixture;
import static dev.tern.mqtt.codec.BytesFixtures.bytes;
import static dev.tern.mqtt.codec.BytesFixtures.concat;

import dev.tern.mqtt.codec.BytesFixtures.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte fixtures for PINGREQ (section 3.12) and PINGRESP (3.13): identical in every version. */
@DisplayName("PINGREQ / PINGRESP fixtures")
class PingFixtureTest {

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void pingreq(MqttVersion version) {
        byte[] fixture = concat(
                bytes(0xC0), // PINGREQ, flags 0
                bytes(0x00) // remaining length 0
                );
        assertFixture(Direction.CLIENT_TO_SERVER, version, fixture, PingReqPacket.INSTANCE);
    }

    @ParameterizedTest
    @EnumSource(MqttVersion.class)
    void pingresp(MqttVersion version) {
        byte[] fixture = concat(
                bytes(0xD0), // PINGRESP, flags 0
                bytes(0x00) // remaining length 0
                );
        assertFixture(Direction.SERVER_TO_CLIENT, version, fixture, PingRespPacket.INSTANCE);
    }
}
