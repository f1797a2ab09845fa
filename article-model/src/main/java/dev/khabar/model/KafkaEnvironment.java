package dev.khabar.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@code KAFKA_*} environment variables into Kafka client properties, the way the
 * {@code apache/kafka} image does: {@code KAFKA_SECURITY_PROTOCOL} becomes {@code security.protocol}
 * ({@code _} to {@code .}, {@code __} to {@code _}, {@code ___} to {@code -}).
 */
public final class KafkaEnvironment {

    /** JVM and script settings of the Kafka tools, never client properties. */
    private static final Set<String> NOT_CLIENT = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_JMX_OPTS", "KAFKA_DEBUG");

    private KafkaEnvironment() {
    }

    public static Map<String, Object> clientProperties(Map<String, String> env) {
        Map<String, Object> props = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !NOT_CLIENT.contains(name) && !value.isBlank()) {
                props.put(propertyName(name), value);
            }
        });
        return props;
    }

    static String propertyName(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }
}
