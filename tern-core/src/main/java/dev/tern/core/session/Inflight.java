package dev.tern.core.session;

import dev.tern.api.session.Delivery;

/** A QoS 1/2 delivery the client has not finished acknowledging. */
final class Inflight {
    final Delivery delivery;
    /** What was routed to the session: journal identity and all. */
    final Deliverable item;
    /** QoS 2: PUBREC received, PUBREL sent, PUBCOMP awaited. */
    boolean released;
    /** After a reconnect: not resent yet, because the new connection's window was full. */
    boolean awaitingResend;

    Inflight(Delivery delivery, Deliverable item) {
        this.delivery = delivery;
        this.item = item;
    }
}
