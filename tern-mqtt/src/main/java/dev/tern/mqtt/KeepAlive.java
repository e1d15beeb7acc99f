package dev.tern.mqtt;

/**
 * The keep-alive deadline of a connection: a client that sends no packet within one and a half times its Keep Alive
 * is disconnected [MQTT-3.1.2-24] (3.1.1; 5.0 [MQTT-3.1.2-22]). One timer per connection, re-armed for the time left
 * when it fires, instead of one reset per packet.
 */
final class KeepAlive {
    private final long limitMillis;
    private long lastPacketAtMillis;

    KeepAlive(int keepAliveSeconds, long nowMillis) {
        this.limitMillis = keepAliveSeconds * 1500L;
        this.lastPacketAtMillis = nowMillis;
    }

    void packetReceived(long nowMillis) {
        lastPacketAtMillis = nowMillis;
    }

    /** One and a half times the Keep Alive, in milliseconds. */
    long limitMillis() {
        return limitMillis;
    }

    /** Milliseconds left before the deadline; 0 when it has passed. */
    long remainingMillis(long nowMillis) {
        return Math.max(0, lastPacketAtMillis + limitMillis - nowMillis);
    }
}
