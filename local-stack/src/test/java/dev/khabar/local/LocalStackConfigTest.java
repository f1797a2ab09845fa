package dev.khabar.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

    @Test
    void requiresAWorkdir() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> LocalStackConfig.load(Map.of(), List.of("--kafka-port", "9999")));
        assertTrue(e.getMessage().contains("\"workdir\" which has no default value"), e.getMessage());
    }

    @Test
    void putsTheControllerNextToTheKafkaPortByDefault() {
        LocalStack.Options options = LocalStackConfig.load(Map.of(), List.of("--workdir=k", "--kafka-port=19092"));
        assertEquals(Path.of("k"), options.workdir());
        assertEquals(19093, options.controllerPort());
        assertEquals(3, options.partitions());
        assertFalse(options.brokerOnly());
    }

    @Test
    void readsBrokerOnlyAndSeparateValues() {
        LocalStack.Options options = LocalStackConfig.load(Map.of(),
                List.of("--workdir", "w", "--broker-only", "--controller-port", "7000", "--partitions", "6"));
        assertTrue(options.brokerOnly());
        assertEquals(7000, options.controllerPort());
        assertEquals(6, options.partitions());
    }

    @Test
    void takesEachSettingFromTheEnvironmentUnlessAFlagGivesIt() {
        LocalStack.Options options = LocalStackConfig.load(
                Map.of("KHABAR_WORKDIR", "w", "KHABAR_KAFKA_PORT", "19092", "KHABAR_BROKER_ONLY", "true"),
                List.of("--kafka-port=29092"));
        assertEquals(Path.of("w"), options.workdir());
        assertEquals(29092, options.kafkaPort());
        assertTrue(options.brokerOnly());
    }

    @Test
    void rejectsABadPortAndAnUnknownOptionTogether() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> LocalStackConfig.load(Map.of(), List.of("--workdir=k", "--kafka-port=70000", "--kafka-prot=1")));
        assertTrue(e.getMessage().contains("kafka-port") && e.getMessage().contains("unknown option --kafka-prot"),
                e.getMessage());
    }
}
