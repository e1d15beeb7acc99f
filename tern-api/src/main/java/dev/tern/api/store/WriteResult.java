package dev.tern.api.store;

/** How a write ended. */
public enum WriteResult {
    /** Durable as the store's mode promises. */
    WRITTEN,
    /** Not written: the disk is full. The changes are lost; the caller refuses what depended on them. */
    NO_SPACE,
    /** Not written for another reason (logged by the store). */
    FAILED
}
