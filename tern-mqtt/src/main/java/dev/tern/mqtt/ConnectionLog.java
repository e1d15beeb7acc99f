package dev.tern.mqtt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's log lines: one when a client is connected, one when its connection ends, with the same keys
 * ({@code clientId}, {@code peer}, {@code listener}, {@code protocol}, {@code reason}). A connection refused or failed
 * before CONNACK gets one line too (the reason names the refusal or the broken rule, which is also the one line a
 * decode failure gets); a socket that closes without sending anything is logged at debug level only.
 */
final class ConnectionLog {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLog.class);

    private final String listener;
    private boolean opened;

    ConnectionLog(String listener) {
        this.listener = listener;
    }

    void opened(Action.Opened opened, String peer) {
        this.opened = true;
        log.info(
                "client connected: clientId={} peer={} listener={} protocol={} keepAlive={}s sessionPresent={}",
                opened.clientId(),
                peer,
                listener,
                ConnectTerms.protocolOf(opened.version()),
                opened.keepAliveSeconds(),
                opened.sessionPresent());
    }

    void closed(String clientId, String peer, String protocol, String reason, boolean reasonKnown) {
        if (opened) {
            log.info(
                    "client disconnected: clientId={} peer={} listener={} protocol={} reason={}",
                    clientId,
                    peer,
                    listener,
                    protocol,
                    reason);
        } else if (reasonKnown) {
            log.info(
                    "connection closed before CONNACK: clientId={} peer={} listener={} protocol={} reason={}",
                    clientId,
                    peer,
                    listener,
                    protocol,
                    reason);
        } else {
            log.debug("connection closed without CONNECT: peer={} listener={} reason={}", peer, listener, reason);
        }
    }

    void internalError(String clientId, String peer, Throwable cause) {
        log.warn("internal error on connection: clientId={} peer={} listener={}", clientId, peer, listener, cause);
    }
}
