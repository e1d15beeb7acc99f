package dev.tern.mqtt;

import dev.tern.api.message.Qos;
import dev.tern.api.session.RetainHandling;
import dev.tern.api.session.SessionHandle;
import dev.tern.api.session.Subscribe;
import dev.tern.api.session.SubscribeResult;
import dev.tern.api.session.SubscriptionOptions;
import dev.tern.api.session.UnsubscribeResult;
import dev.tern.api.topic.TopicFilter;
import dev.tern.mqtt.codec.MqttProperties;
import dev.tern.mqtt.codec.MqttVersion;
import dev.tern.mqtt.codec.ReasonCode;
import dev.tern.mqtt.codec.SubAckPacket;
import dev.tern.mqtt.codec.SubscribePacket;
import dev.tern.mqtt.codec.Subscription;
import dev.tern.mqtt.codec.UnsubAckPacket;
import dev.tern.mqtt.codec.UnsubscribePacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** SUBSCRIBE and UNSUBSCRIBE (sections 3.8 to 3.11): filters and options to the session, results to SUBACK/UNSUBACK. */
final class Subscriptions {
    private final MqttVersion version;
    private final MqttSettings settings;
    private final SessionHandle session;
    private final Effects effects;

    Subscriptions(MqttVersion version, MqttSettings settings, SessionHandle session, Effects effects) {
        this.version = version;
        this.settings = settings;
        this.session = session;
        this.effects = effects;
    }

    Optional<Violation> onSubscribe(SubscribePacket subscribe) {
        List<Integer> identifiers = subscribe.properties().subscriptionIdentifiers();
        OptionalInt identifier = identifiers.isEmpty() ? OptionalInt.empty() : OptionalInt.of(identifiers.get(0));
        if (identifier.isPresent() && !settings.subscriptionIdentifiersAvailable()) {
            // 3.2.2.3.13: a Subscription Identifier when we said they are not available: DISCONNECT 0xA1.
            return violation(
                    ReasonCode.SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED,
                    "3.2.2.3.13",
                    "subscription identifiers are not supported");
        }
        List<Subscription> requested = subscribe.subscriptions();
        ReasonCode[] codes = new ReasonCode[requested.size()];
        List<Subscribe> toSession = new ArrayList<>(requested.size());
        int[] positions = new int[requested.size()];
        for (int i = 0; i < requested.size(); i++) {
            Subscription subscription = requested.get(i);
            TopicFilter filter;
            try {
                filter = TopicFilter.parse(subscription.topicFilter());
            } catch (IllegalArgumentException e) {
                codes[i] = ReasonCode.TOPIC_FILTER_INVALID;
                continue;
            }
            if (filter.isShared() && !settings.sharedSubscriptionsAvailable()) {
                if (version.isV5()) {
                    // 3.2.2.3.14: a shared subscription when we said they are not available: DISCONNECT 0x9E.
                    return violation(
                            ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED,
                            "3.2.2.3.14",
                            "shared subscriptions are not supported: " + filter);
                }
                codes[i] = ReasonCode.SHARED_SUBSCRIPTIONS_NOT_SUPPORTED; // 3.x: failure 0x80
                continue;
            }
            if (filter.hasWildcard() && !settings.wildcardSubscriptionsAvailable()) {
                if (version.isV5()) {
                    // 3.2.2.3.12: a wildcard subscription when we said they are not available: DISCONNECT 0xA2.
                    return violation(
                            ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED,
                            "3.2.2.3.12",
                            "wildcard subscriptions are not supported: " + filter);
                }
                codes[i] = ReasonCode.WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED; // 3.x: failure 0x80
                continue;
            }
            positions[toSession.size()] = i;
            toSession.add(new Subscribe(filter, options(subscription.options(), identifier)));
        }
        if (toSession.isEmpty()) {
            subAck(subscribe.packetId(), codes, positions, List.of());
        } else {
            // Answered once the subscriptions are stored (a session taken over meanwhile answers nothing: the
            // connection is closing anyway).
            session.subscribe(
                    toSession, results -> effects.later(() -> subAck(subscribe.packetId(), codes, positions, results)));
        }
        return Optional.empty();
    }

    private void subAck(int packetId, ReasonCode[] codes, int[] positions, List<SubscribeResult> results) {
        for (int j = 0; j < results.size(); j++) {
            codes[positions[j]] = ReasonMapping.of(results.get(j));
        }
        // [MQTT-3.9.3-1] one reason code per filter, in order.
        effects.send(new SubAckPacket(packetId, Arrays.asList(codes), MqttProperties.EMPTY), version);
    }

    void onUnsubscribe(UnsubscribePacket unsubscribe) {
        List<String> requested = unsubscribe.topicFilters();
        ReasonCode[] codes = new ReasonCode[requested.size()];
        List<TopicFilter> toSession = new ArrayList<>(requested.size());
        int[] positions = new int[requested.size()];
        for (int i = 0; i < requested.size(); i++) {
            try {
                TopicFilter filter = TopicFilter.parse(requested.get(i));
                positions[toSession.size()] = i;
                toSession.add(filter);
            } catch (IllegalArgumentException e) {
                codes[i] = ReasonCode.TOPIC_FILTER_INVALID;
            }
        }
        List<UnsubscribeResult> results = toSession.isEmpty() ? List.of() : session.unsubscribe(toSession);
        for (int j = 0; j < toSession.size(); j++) {
            codes[positions[j]] = j < results.size() ? ReasonMapping.of(results.get(j)) : ReasonCode.UNSPECIFIED_ERROR;
        }
        // 3.x UNSUBACK has no reason codes; 5.0 has one per filter [MQTT-3.11.3-1].
        List<ReasonCode> payload = version.isV5() ? Arrays.asList(codes) : List.of();
        effects.send(new UnsubAckPacket(unsubscribe.packetId(), payload, MqttProperties.EMPTY), version);
    }

    /** The subscription's options; a requested QoS above our Maximum QoS is granted at the maximum (3.2.2.3.4). */
    private SubscriptionOptions options(dev.tern.mqtt.codec.SubscriptionOptions options, OptionalInt identifier) {
        Qos requested = Qos.ofLevel(options.maximumQos().value());
        return new SubscriptionOptions(
                requested.min(settings.maximumQos()),
                options.noLocal(),
                options.retainAsPublished(),
                switch (options.retainHandling()) {
                    case SEND_ON_SUBSCRIBE -> RetainHandling.SEND_ON_SUBSCRIBE;
                    case SEND_IF_NEW_SUBSCRIPTION -> RetainHandling.SEND_IF_NEW_SUBSCRIPTION;
                    case DO_NOT_SEND -> RetainHandling.DO_NOT_SEND;
                },
                identifier);
    }

    private static Optional<Violation> violation(ReasonCode code, String rule, String detail) {
        return Optional.of(new Violation(code, rule, detail));
    }
}
