package dev.tern.server;

import java.util.Locale;

/** Explains why a listener could not start, and what to try next. */
final class ListenFailures {
    private ListenFailures() {}

    static String explain(Exception failure) {
        return explain(failure, "mqtt.tcp");
    }

    /** As above, for the listener whose keys start with {@code keys} (such as {@code mqtt.ws}). */
    static String explain(Exception failure, String keys) {
        return explainTcp(failure).replace("mqtt.tcp.", keys + ".");
    }

    private static String explainTcp(Exception failure) {
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("address already in use")) {
            return message + ". Another program (another broker, such as mosquitto?) is using that port: stop it, or"
                    + " choose another port with --set mqtt.tcp.port=PORT (0 picks a free one).";
        }
        if (lower.contains("permission denied")) {
            return message + ". Ports below 1024 need privileges: choose a port above 1023 with"
                    + " --set mqtt.tcp.port=PORT.";
        }
        if (lower.contains("cannot assign requested address") || lower.contains("cannot resolve")) {
            return message + ". mqtt.tcp.bind must be an address of this machine (such as 127.0.0.1), or 0.0.0.0"
                    + " for all of them.";
        }
        return message + ". Check mqtt.tcp.bind and mqtt.tcp.port.";
    }
}
