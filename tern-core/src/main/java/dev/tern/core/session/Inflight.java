package dev.tern.core.session;

import dev.tern.api.session.Delivery;

/** A QoS 1/2 delivery the client has not finished acknowledging. */
final class Inflight {
    final Delivery delivery;
    /** QoS 2: PUBREC received, PUBREL sent, PUBCOMP awaited. */
    boolean released;
    /** After a reconnect: not resent yet, because the new connection's window was full. */
    boolean awaitingResend;

    Inflight(Delivery delivery) {
        this.delivery = delivery;
    }
}
