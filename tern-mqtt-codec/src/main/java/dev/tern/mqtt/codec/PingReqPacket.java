package dev.tern.mqtt.codec;

/** PINGREQ (section 3.12): no variable header, no payload. */
public record PingReqPacket() implements MqttPacket {
    public static final PingReqPacket INSTANCE = new PingReqPacket();

    @Override
    public PacketType type() {
        return PacketType.PINGREQ;
    }
}
