package dev.tern.mqtt.codec;

/** Packet Identifier range checks for constructing records; the decoder reports wire violations itself. */
final class PacketIds {
    private PacketIds() {}

    static void check(int packetId) {
        if (packetId < 1 || packetId > 0xFFFF) {
            throw new IllegalArgumentException("Packet Identifier must be 1..65535, was " + packetId);
        }
    }
}
