package dev.tern.core.session;

/**
 * What {@link OutboundDeliveries} tells its session's journal about deliveries that leave or change. Calls come on the
 * session's thread.
 */
interface DeliveryJournal {
    /** A delivery left the session: acknowledged, completed, expired or dropped. */
    void finished(Deliverable item);

    /**
     * The client received a QoS 2 delivery (PUBREC). {@code then} runs (on any thread) once that is durable: only then
     * may PUBREL go out, or a restart could send the message again to a client that already completed it.
     */
    void released(Deliverable item, Runnable then);

    /** For sessions nothing is journalled for. */
    DeliveryJournal NONE = new DeliveryJournal() {
        @Override
        public void finished(Deliverable item) {}

        @Override
        public void released(Deliverable item, Runnable then) {
            then.run();
        }
    };
}
