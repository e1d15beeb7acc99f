package dev.tern.mqtt.codec;

/** PINGRESP (section 3.13): no variable header, no payload. */
public record PingRespPacket() implements MqttPacket {
    public static final PingRespPacket INSTANCE = new PingRespPacket();

    @Override
    public PacketType type() {
        return PacketType.PINGRESP;
    }
}
