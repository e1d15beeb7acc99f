package dev.tern.store.rocksdb;

import java.nio.charset.StandardCharsets;

/** The column families of format 1, one per kind of row (docs/design/0003-durable-store.md lists keys and values). */
enum ColumnFamily {
    /** Format version and counters. */
    META("meta"),
    SESSIONS("sessions"),
    SUBSCRIPTIONS("subscriptions"),
    DELIVERIES("deliveries"),
    /** One empty row per QoS 2 delivery the client has received (PUBREC): only its PUBREL is still owed. */
    RELEASED("released"),
    EXACTLY_ONCE("exactly-once"),
    /** Each message once, however many deliveries reference it. */
    MESSAGES("messages"),
    RETAINED("retained");

    static final String DEFAULT = "default";

    private final String cfName;

    ColumnFamily(String cfName) {
        this.cfName = cfName;
    }

    String cfName() {
        return cfName;
    }

    byte[] nameBytes() {
        return cfName.getBytes(StandardCharsets.UTF_8);
    }
}
