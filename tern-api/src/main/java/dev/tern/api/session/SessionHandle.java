package dev.tern.api.session;

import dev.tern.api.message.Message;
import dev.tern.api.topic.TopicFilter;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A connected client's grip on its session. Every method must be called on the connection's {@link Outlet#executor()}
 * (the session is confined to that thread while connected); none blocks.
 */
public interface SessionHandle {
    /** The session's client identifier (the assigned one when the client sent none). */
    String clientId();

    /** Publishes on the client's behalf: authorised, stamped with its identity for No Local, routed. */
    void publish(Message message, Consumer<PublishOutcome> onOutcome);

    /**
     * Adds or replaces subscriptions, one result per filter in order. Retained messages for them are delivered after
     * this call returns, so the protocol's acknowledgement goes out first.
     */
    List<SubscribeResult> subscribe(List<Subscribe> subscriptions);

    List<UnsubscribeResult> unsubscribe(List<TopicFilter> filters);

    /**
     * Starts receiving a QoS 2 message under {@code packetId}. Returns false when that identifier is already held: the
     * message is a resend and must not be published again [MQTT-4.3.3-10].
     */
    boolean beginExactlyOnce(int packetId);

    /** Releases a QoS 2 identifier on PUBREL; false when it was not held (MQTT 5 answers PUBCOMP 0x92). */
    boolean releaseExactlyOnce(int packetId);

    /** Number of QoS 2 messages received and not yet released: they count against the client's send quota. */
    int pendingExactlyOnce();

    /** The client acknowledged a QoS 1 delivery (PUBACK), or refused a QoS 2 one (PUBREC with an error). */
    void acknowledged(int packetId);

    /** The client received a QoS 2 delivery (PUBREC); false when the identifier is unknown. */
    boolean received(int packetId);

    /** The client completed a QoS 2 delivery (PUBCOMP). */
    void completed(int packetId);

    /** The client is ready for more: the outlet became writable again. */
    void resume();

    /**
     * The connection ended. {@code sessionExpirySeconds} replaces the expiry the client connected with, when its
     * protocol can say so at disconnect (MQTT 5 DISCONNECT).
     */
    void disconnected(DisconnectKind kind, OptionalLong sessionExpirySeconds);
}
