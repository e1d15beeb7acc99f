package dev.tern.server.config;

import dev.tern.core.CoreSettings;
import dev.tern.mqtt.MqttSettings;
import java.util.List;

/**
 * The whole configuration, as read from the YAML file and {@code --set} overrides by {@link ConfigLoader}. Each
 * section validates itself; the defaults come from the settings records of the modules that own them, so that there
 * is one source for each default.
 */
public record TernConfig(
        MqttConfig mqtt,
        LimitsConfig limits,
        DataConfig data,
        StoreConfig store,
        SysConfig sys,
        AuthConfig auth,
        TlsConfig tls) {
    public TernConfig {
        Checks.present("mqtt", mqtt);
        Checks.present("limits", limits);
        Checks.present("data", data);
        Checks.present("store", store);
        Checks.present("sys", sys);
        Checks.present("auth", auth);
        Checks.present("tls", tls);
    }

    /** The configuration of {@code tern start} without a file or overrides. */
    public static TernConfig defaults() {
        CoreSettings core = CoreSettings.defaults();
        MqttSettings mqtt = MqttSettings.defaults();
        return new TernConfig(
                new MqttConfig(
                        TcpConfig.defaults(),
                        TlsListenerConfig.defaults(),
                        WsListenerConfig.defaults(),
                        WssListenerConfig.defaults(),
                        List.of(),
                        mqtt.maxKeepAliveSeconds(),
                        mqtt.receiveMaximum(),
                        mqtt.topicAliasMaximum(),
                        mqtt.maxPacketSize(),
                        core.maxInflight(),
                        core.maxQueuedMessages(),
                        core.maxQueuedBytes(),
                        switch (core.queueOverflow()) {
                            case DROP_NEW -> MqttConfig.QueueOverflow.DROP_NEW;
                            case DROP_OLDEST -> MqttConfig.QueueOverflow.DROP_OLDEST;
                        },
                        core.queueQos0Offline(),
                        core.maxSessionExpirySeconds(),
                        mqtt.connectTimeoutSeconds(),
                        mqtt.maxClientIdLength(),
                        mqtt.maximumQos().level(),
                        mqtt.retainAvailable(),
                        mqtt.wildcardSubscriptionsAvailable(),
                        mqtt.sharedSubscriptionsAvailable(),
                        mqtt.subscriptionIdentifiersAvailable(),
                        mqtt.outboundTopicAliases()),
                new LimitsConfig(
                        core.maxConnections(),
                        core.maxSubscriptionsPerClient(),
                        core.maxTopicLevels(),
                        core.maxTopicLength()),
                DataConfig.defaults(),
                StoreConfig.defaults(),
                SysConfig.defaults(core.sysIntervalSeconds()),
                AuthConfig.defaults(),
                TlsConfig.defaults());
    }
}
