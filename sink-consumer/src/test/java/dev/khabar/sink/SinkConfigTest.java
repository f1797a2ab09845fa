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

    @Test
    void defaultsToOnePrettyFilePerArticleInAFlatFolderWithoutMirrors() {
        SinkConfig config = SinkConfig.load(Map.of(), List.of());
        assertEquals(SinkConfig.Format.JSON, config.format());
        assertEquals(List.of(), config.layout().parts());
        assertEquals(false, config.mirrorDuplicates());
        assertEquals(false, config.mirrorDlq());
    }

    @Test
    void readsTheJsonLinesFormatLayoutAndMirrors() {
        SinkConfig config = SinkConfig.load(Map.of("KHABAR_OUT_FORMAT", "JSONL", "KHABAR_MIRROR_DLQ", "true"),
                List.of("--out.layout=language,date", "--jsonl.roll.ms=2000", "--jsonl.roll.bytes=1000",
                        "--mirror.duplicates=true"));
        assertEquals(SinkConfig.Format.JSONL, config.format());
        assertEquals(List.of(OutputLayout.Part.LANGUAGE, OutputLayout.Part.DATE), config.layout().parts());
        assertEquals(java.time.Duration.ofSeconds(2), config.rollAfter());
        assertEquals(1000, config.rollBytes());
        assertTrue(config.mirrorDuplicates());
        assertTrue(config.mirrorDlq());
    }

    @Test
    void rejectsAnUnknownOrRepeatedLayoutPartAndAnUnknownFormat() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SinkConfig.load(Map.of(), List.of("--out.layout=date,site,date", "--out.format=csv")));
        assertTrue(e.getMessage().contains("'site' is neither date nor language"), e.getMessage());
        assertTrue(e.getMessage().contains("date is given twice"), e.getMessage());
        assertTrue(e.getMessage().contains("out.format"), e.getMessage());
    }
}
