package dev.khabar.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    @Test
    void takesTheWorkdirAndBrokersFromTheEnvironment() {
        SinkConfig config = SinkConfig.load(Map.of("KHABAR_WORKDIR", "/data/k", "KAFKA_BOOTSTRAP_SERVERS", "kafka:19092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), List.of());
        assertEquals(Path.of("/data/k/out"), config.outDir());
        assertEquals("kafka:19092", config.common().bootstrapServers());
        assertEquals("SASL_SSL", config.common().kafka().get("security.protocol"));
        assertEquals("khabar-sink", config.groupId());
    }

    @Test
    void flagsOverrideTheEnvironment() {
        SinkConfig config = SinkConfig.load(Map.of("KHABAR_OUT_DIR", "/a"), List.of("--out.dir=/b", "--bootstrap.servers=h:1"));
        assertEquals(Path.of("/b"), config.outDir());
        assertEquals("h:1", config.common().bootstrapServers());
    }

    @Test
    void reportsEveryBadSettingAtOnce() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SinkConfig.load(Map.of("KHABAR_TOPIC_PARTITIONS", "0"), List.of("--group.id=", "--nope=1")));
        assertTrue(e.getMessage().contains("topic.partitions"), e.getMessage());
        assertTrue(e.getMessage().contains("group.id"), e.getMessage());
        assertTrue(e.getMessage().contains("--nope"), e.getMessage());
    }
}
