package dev.tern.api.session;

/** How a connection ended, which decides the fate of the will. */
public enum DisconnectKind {
    /** The client said goodbye: the will is discarded [MQTT-3.14.4-3]. */
    NORMAL,
    /** The client said goodbye but asked for its will (MQTT 5 DISCONNECT 0x04). */
    NORMAL_WITH_WILL,
    /**
     * The connection broke: network error, keep-alive timeout, protocol error, or a close by the server. The will is
     * published [MQTT-3.1.2-8].
     */
    ABNORMAL
}
