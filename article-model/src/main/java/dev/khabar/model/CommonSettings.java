package dev.khabar.model;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Settings every Khabar service shares: the work folder, how topics are created, and the Kafka client
 * properties (every {@code KAFKA_*} environment variable, see {@link KafkaEnvironment}).
 *
 * @param workdir the folder holding {@code inbox/}, {@code done/}, {@code failed/}, {@code out/}, {@code state/}
 * @param kafka   client properties passed untouched to every Kafka client
 * @param metricsPort port of the service's /metrics and /health endpoints, 0 when they are off
 */
public record CommonSettings(Path workdir, int topicPartitions, short topicReplicationFactor, Map<String, Object> kafka,
                             int metricsPort) {

    public static final String WORKDIR_CONFIG = "workdir";
    public static final String WORKDIR_DOC = "Work folder with inbox/, done/, failed/, out/ and state/ (env KHABAR_WORKDIR).";
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers; overrides KAFKA_BOOTSTRAP_SERVERS. Default localhost:9092.";
    public static final String TOPIC_PARTITIONS_CONFIG = "topic.partitions";
    public static final String TOPIC_PARTITIONS_DOC = "Partitions of the Khabar topics when this service creates them.";
    public static final String TOPIC_REPLICATION_FACTOR_CONFIG = "topic.replication.factor";
    public static final String TOPIC_REPLICATION_FACTOR_DOC = "Replication factor of created topics; 0 for the broker default.";
    public static final String METRICS_PORT_CONFIG = "metrics.port";
    public static final String METRICS_PORT_DOC = "Port of the Prometheus /metrics and the /health/live, /health/ready endpoints; 0 turns them off.";

    public CommonSettings {
        kafka = Map.copyOf(kafka);
    }

    /** Adds the shared keys to a service's definition. */
    public static ConfigDef define(ConfigDef def) {
        return def
                .define(WORKDIR_CONFIG, ConfigDef.Type.STRING, ".", new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.HIGH, WORKDIR_DOC)
                .define(BOOTSTRAP_SERVERS_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
                        BOOTSTRAP_SERVERS_DOC)
                .define(TOPIC_PARTITIONS_CONFIG, ConfigDef.Type.INT, 3, ConfigDef.Range.between(1, 10_000),
                        ConfigDef.Importance.MEDIUM, TOPIC_PARTITIONS_DOC)
                .define(TOPIC_REPLICATION_FACTOR_CONFIG, ConfigDef.Type.SHORT, (short) 0,
                        ConfigDef.Range.between(0, 32), ConfigDef.Importance.MEDIUM, TOPIC_REPLICATION_FACTOR_DOC)
                .define(METRICS_PORT_CONFIG, ConfigDef.Type.INT, 0, ConfigDef.Range.between(0, 65_535),
                        ConfigDef.Importance.MEDIUM, METRICS_PORT_DOC);
    }

    public static CommonSettings from(Map<String, Object> parsed, Map<String, String> env) {
        Map<String, Object> kafka = new HashMap<>(KafkaEnvironment.clientProperties(env));
        Object bootstrap = parsed.get(BOOTSTRAP_SERVERS_CONFIG);
        if (bootstrap != null) {
            kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        }
        kafka.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        // a malformed address can never work: fail now, not after waiting for it to resolve
        BrokerWatch.addresses(String.valueOf(kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)));
        return new CommonSettings(Path.of((String) parsed.get(WORKDIR_CONFIG)).toAbsolutePath().normalize(),
                (Integer) parsed.get(TOPIC_PARTITIONS_CONFIG), (Short) parsed.get(TOPIC_REPLICATION_FACTOR_CONFIG), kafka,
                (Integer) parsed.get(METRICS_PORT_CONFIG));
    }

    public String bootstrapServers() {
        return (String) kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    /** A copy of the client properties to add a client's own settings to. */
    public Map<String, Object> clientProperties() {
        return new HashMap<>(kafka);
    }
}
