package dev.tern.api.session;

import dev.tern.api.message.Message;
import dev.tern.api.topic.TopicFilter;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A connected client's grip on its session. Every method must be called on the connection's {@link Outlet#executor()}
 * (the session is confined to that thread while connected); none blocks.
 *
 * <p>Answers that may wait for the store ({@code onOutcome}, {@code onResults}, {@code then}) run on that executor too,
 * in the order the calls were made: acknowledgements leave in the order the client's packets arrived [MQTT-4.6.0-2]
 * [MQTT-4.6.0-3]. They may run before the call returns, when there is nothing to wait for.
 */
public interface SessionHandle {
    /** The session's client identifier (the assigned one when the client sent none). */
    String clientId();

    /**
     * Publishes a QoS 0 or 1 message on the client's behalf: authorised, stamped with its identity for No Local, routed.
     * {@code onOutcome} runs once every persistent session's copy is stored: the client may be acknowledged then.
     */
    void publish(Message message, Consumer<PublishOutcome> onOutcome);

    /**
     * Publishes a QoS 2 message received under {@code packetId}, which {@link #beginExactlyOnce} took: the identifier is
     * stored with the message, so a resend after a restart of the broker is still recognised.
     */
    void publishExactlyOnce(int packetId, Message message, Consumer<PublishOutcome> onOutcome);

    /**
     * Adds or replaces subscriptions; {@code onResults} gets one result per filter in order, once they are stored.
     * Retained messages for them are delivered after {@code onResults} returns, so the protocol's acknowledgement goes
     * out first.
     */
    void subscribe(List<Subscribe> subscriptions, Consumer<List<SubscribeResult>> onResults);

    List<UnsubscribeResult> unsubscribe(List<TopicFilter> filters);

    /**
     * Starts receiving a QoS 2 message under {@code packetId}. Returns false when that identifier is already held: the
     * message is a resend and must not be published again [MQTT-4.3.3-10].
     */
    boolean beginExactlyOnce(int packetId);

    /**
     * Releases a QoS 2 identifier on PUBREL; {@code then} gets false when it was not held (MQTT 5 answers PUBCOMP 0x92),
     * and runs once the release is stored: a PUBCOMP sent earlier could be followed, after a restart, by the
     * identifier's next message being taken for a resend and dropped.
     */
    void releaseExactlyOnce(int packetId, Consumer<Boolean> then);

    /** Frees an identifier {@link #beginExactlyOnce} took for a message that was then refused; nothing was stored. */
    void abandonExactlyOnce(int packetId);

    /** Number of QoS 2 messages received and not yet released: they count against the client's send quota. */
    int pendingExactlyOnce();

    /** The client acknowledged a QoS 1 delivery (PUBACK), or refused a QoS 2 one (PUBREC with an error). */
    void acknowledged(int packetId);

    /**
     * The client received a QoS 2 delivery (PUBREC); {@code then} gets false when the identifier is unknown, and runs
     * once the release is stored: PUBREL may go out then.
     */
    void received(int packetId, Consumer<Boolean> then);

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
