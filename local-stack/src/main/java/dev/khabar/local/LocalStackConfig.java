package dev.khabar.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.khabar.model.ConfigLoader;

/** The local stack's own settings ({@code khabar-local.jar}); the services' settings pass through to them. */
final class LocalStackConfig {

    static final String WORKDIR_CONFIG = "workdir";
    static final String WORKDIR_DOC = "Work folder: inbox/, done/, failed/, out/, Streams state in state/ and broker data in kafka/, kept across restarts.";
    static final String KAFKA_PORT_CONFIG = "kafka-port";
    static final String KAFKA_PORT_DOC = "Port of the embedded broker on 127.0.0.1.";
    static final String CONTROLLER_PORT_CONFIG = "controller-port";
    static final String CONTROLLER_PORT_DOC = "Port of the embedded KRaft controller; default the Kafka port + 1.";
    static final String PARTITIONS_CONFIG = "partitions";
    static final String PARTITIONS_DOC = "Partitions of the Khabar topics it creates.";
    static final String BROKER_ONLY_CONFIG = "broker-only";
    static final String BROKER_ONLY_DOC = "Run just the broker (and create the topics), for services started as their own processes.";

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(WORKDIR_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, WORKDIR_DOC)
            .define(KAFKA_PORT_CONFIG, ConfigDef.Type.INT, 9092, ConfigDef.Range.between(1, 65535),
                    ConfigDef.Importance.MEDIUM, KAFKA_PORT_DOC)
            .define(CONTROLLER_PORT_CONFIG, ConfigDef.Type.INT, null, ConfigDef.LambdaValidator.with((name, value) -> {
                if (value != null) {
                    ConfigDef.Range.between(1, 65535).ensureValid(name, value);
                }
            }, () -> "[1,...,65535]"), ConfigDef.Importance.LOW, CONTROLLER_PORT_DOC)
            .define(PARTITIONS_CONFIG, ConfigDef.Type.INT, 3, ConfigDef.Range.between(1, 10_000),
                    ConfigDef.Importance.MEDIUM, PARTITIONS_DOC)
            .define(BROKER_ONLY_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM, BROKER_ONLY_DOC);

    private LocalStackConfig() {
    }

    /** Defaults &lt; {@code --config FILE} &lt; {@code KHABAR_*} environment &lt; flags, every problem reported at once. */
    static LocalStack.Options load(Map<String, String> env, List<String> args) {
        Map<String, Object> values = ConfigLoader.load(DEFINITION, env, args);
        int kafkaPort = (Integer) values.get(KAFKA_PORT_CONFIG);
        Integer controllerPort = (Integer) values.get(CONTROLLER_PORT_CONFIG);
        if (controllerPort == null && kafkaPort == 65535) {
            throw new ConfigException("Invalid configuration:\n  controller-port: give one; kafka-port 65535 leaves no next port");
        }
        return new LocalStack.Options(Path.of((String) values.get(WORKDIR_CONFIG)), kafkaPort,
                controllerPort != null ? controllerPort : kafkaPort + 1, (Integer) values.get(PARTITIONS_CONFIG),
                (Boolean) values.get(BROKER_ONLY_CONFIG));
    }
}
