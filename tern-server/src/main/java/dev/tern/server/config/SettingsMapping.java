package dev.tern.server.config;

import dev.tern.api.message.Qos;
import dev.tern.core.CoreSettings;
import dev.tern.mqtt.MqttSettings;

/**
 * Maps the configuration onto the settings records of the modules it configures. Where both the core and the MQTT
 * channel need a feature flag (maximum QoS, retain, wildcard, shared and identifier subscriptions), one key sets both,
 * so that what CONNACK advertises is what the core does.
 */
public final class SettingsMapping {
    private SettingsMapping() {}

    public static CoreSettings coreSettings(TernConfig config, String version) {
        MqttConfig mqtt = config.mqtt();
        LimitsConfig limits = config.limits();
        return new CoreSettings(
                limits.maxConnections(),
                mqtt.maxInflight(),
                mqtt.maxQueuedMessages(),
                mqtt.maxQueuedBytes(),
                switch (mqtt.queueOverflow()) {
                    case DROP_NEW -> CoreSettings.QueueOverflow.DROP_NEW;
                    case DROP_OLDEST -> CoreSettings.QueueOverflow.DROP_OLDEST;
                },
                mqtt.queueQos0Offline(),
                mqtt.maxSessionExpiry(),
                limits.maxSubscriptionsPerClient(),
                limits.maxTopicLevels(),
                limits.maxTopicLength(),
                Qos.ofLevel(mqtt.maximumQos()),
                mqtt.retainAvailable(),
                mqtt.wildcardSubscriptionsAvailable(),
                mqtt.sharedSubscriptionsAvailable(),
                mqtt.subscriptionIdentifiersAvailable(),
                config.sys().interval(),
                version);
    }

    public static MqttSettings mqttSettings(TernConfig config) {
        MqttConfig mqtt = config.mqtt();
        return new MqttSettings(
                mqtt.receiveMaximum(),
                mqtt.topicAliasMaximum(),
                mqtt.maxPacketSize(),
                mqtt.maxKeepalive(),
                mqtt.connectTimeout(),
                mqtt.maxClientIdLength(),
                Qos.ofLevel(mqtt.maximumQos()),
                mqtt.retainAvailable(),
                mqtt.wildcardSubscriptionsAvailable(),
                mqtt.sharedSubscriptionsAvailable(),
                mqtt.subscriptionIdentifiersAvailable(),
                mqtt.outboundTopicAliases());
    }
}
