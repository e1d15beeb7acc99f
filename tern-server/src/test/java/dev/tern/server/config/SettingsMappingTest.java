package dev.tern.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.message.Qos;
import dev.tern.core.CoreSettings;
import dev.tern.mqtt.MqttSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsMappingTest {

    @Test
    void theDefaultConfigurationGivesTheModulesTheirOwnDefaults() {
        TernConfig defaults = TernConfig.defaults();
        String version = CoreSettings.defaults().version();

        assertThat(SettingsMapping.coreSettings(defaults, version)).isEqualTo(CoreSettings.defaults());
        assertThat(SettingsMapping.mqttSettings(defaults)).isEqualTo(MqttSettings.defaults());
    }

    @Test
    void everyKeyReachesTheSettingItNames() {
        TernConfig config = ConfigLoader.load(
                Optional.empty(),
                List.of(
                        "mqtt.max_keepalive=60",
                        "mqtt.receive_maximum=11",
                        "mqtt.topic_alias_maximum=12",
                        "mqtt.max_packet_size=1000",
                        "mqtt.max_inflight=13",
                        "mqtt.max_queued_messages=14",
                        "mqtt.max_queued_bytes=15",
                        "mqtt.queue_overflow=drop_oldest",
                        "mqtt.queue_qos0_offline=true",
                        "mqtt.max_session_expiry=16",
                        "mqtt.connect_timeout=17",
                        "mqtt.max_client_id_length=30",
                        "mqtt.outbound_topic_aliases=false",
                        "limits.max_connections=18",
                        "limits.max_subscriptions_per_client=19",
                        "limits.max_topic_levels=20",
                        "limits.max_topic_length=21",
                        "sys.interval=22"));

        CoreSettings core = SettingsMapping.coreSettings(config, "9.9.9");
        MqttSettings mqtt = SettingsMapping.mqttSettings(config);

        assertThat(mqtt.maxKeepAliveSeconds()).isEqualTo(60);
        assertThat(mqtt.receiveMaximum()).isEqualTo(11);
        assertThat(mqtt.topicAliasMaximum()).isEqualTo(12);
        assertThat(mqtt.maxPacketSize()).isEqualTo(1000);
        assertThat(core.maxInflight()).isEqualTo(13);
        assertThat(core.maxQueuedMessages()).isEqualTo(14);
        assertThat(core.maxQueuedBytes()).isEqualTo(15);
        assertThat(core.queueOverflow()).isEqualTo(CoreSettings.QueueOverflow.DROP_OLDEST);
        assertThat(core.queueQos0Offline()).isTrue();
        assertThat(core.maxSessionExpirySeconds()).isEqualTo(16);
        assertThat(mqtt.connectTimeoutSeconds()).isEqualTo(17);
        assertThat(mqtt.maxClientIdLength()).isEqualTo(30);
        assertThat(mqtt.outboundTopicAliases()).isFalse();
        assertThat(core.maxConnections()).isEqualTo(18);
        assertThat(core.maxSubscriptionsPerClient()).isEqualTo(19);
        assertThat(core.maxTopicLevels()).isEqualTo(20);
        assertThat(core.maxTopicLength()).isEqualTo(21);
        assertThat(core.sysIntervalSeconds()).isEqualTo(22);
        assertThat(core.version()).isEqualTo("9.9.9");
    }

    @Test
    void oneKeySetsAFeatureForBothTheCoreAndTheMqttChannel() {
        TernConfig config = ConfigLoader.load(
                Optional.empty(),
                List.of(
                        "mqtt.maximum_qos=1",
                        "mqtt.retain_available=false",
                        "mqtt.wildcard_subscriptions_available=false",
                        "mqtt.shared_subscriptions_available=false",
                        "mqtt.subscription_identifiers_available=false"));

        CoreSettings core = SettingsMapping.coreSettings(config, "v");
        MqttSettings mqtt = SettingsMapping.mqttSettings(config);

        assertThat(core.maximumQos()).isEqualTo(Qos.AT_LEAST_ONCE).isEqualTo(mqtt.maximumQos());
        assertThat(core.retainAvailable()).isFalse().isEqualTo(mqtt.retainAvailable());
        assertThat(core.wildcardSubscriptionsAvailable()).isFalse().isEqualTo(mqtt.wildcardSubscriptionsAvailable());
        assertThat(core.sharedSubscriptionsAvailable()).isFalse().isEqualTo(mqtt.sharedSubscriptionsAvailable());
        assertThat(core.subscriptionIdentifiersAvailable())
                .isFalse()
                .isEqualTo(mqtt.subscriptionIdentifiersAvailable());
    }
}
