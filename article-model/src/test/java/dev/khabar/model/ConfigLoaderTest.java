package dev.khabar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final ConfigDef DEF = new ConfigDef()
            .define("inbox.dir", ConfigDef.Type.STRING, "inbox", ConfigDef.Importance.HIGH, "inbox")
            .define("poll.ms", ConfigDef.Type.LONG, 500L, ConfigDef.Range.atLeast(10), ConfigDef.Importance.LOW, "poll")
            .define("partitions", ConfigDef.Type.INT, 3, ConfigDef.Range.between(1, 1000), ConfigDef.Importance.LOW, "p");

    @Test
    void layersDefaultsFileEnvironmentAndFlags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.properties");
        Files.writeString(file, "inbox.dir=from-file\npoll.ms=100\npartitions=5\n");
        Map<String, Object> values = ConfigLoader.load(DEF,
                Map.of("KHABAR_POLL_MS", "200", "KHABAR_PARTITIONS", "7"),
                List.of("--config", file.toString(), "--partitions=9"));
        assertEquals("from-file", values.get("inbox.dir"));
        assertEquals(200L, values.get("poll.ms"));
        assertEquals(9, values.get("partitions"));
    }

    @Test
    void reportsEveryProblemTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(DEF,
                Map.of("KHABAR_POLL_MS", "1"), List.of("--partitions=0", "--colour=red")));
        assertTrue(e.getMessage().contains("poll.ms"), e.getMessage());
        assertTrue(e.getMessage().contains("partitions"), e.getMessage());
        assertTrue(e.getMessage().contains("--colour"), e.getMessage());
    }

    @Test
    void mapsKafkaVariablesToClientProperties() {
        Map<String, Object> props = KafkaEnvironment.clientProperties(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "b:9092", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_JAAS__CONFIG", "x", "KAFKA_HEAP_OPTS", "-Xmx1g", "PATH", "/bin"));
        assertEquals(Map.of("bootstrap.servers", "b:9092", "security.protocol", "SASL_SSL", "sasl.jaas_config", "x"), props);
    }
}
