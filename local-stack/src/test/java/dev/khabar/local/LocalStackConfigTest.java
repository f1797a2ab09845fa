package dev.khabar.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LocalStackAppTest {

    @Test
    void requiresAWorkdir() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalStackApp.parse(new String[] {"--kafka-port", "9999"}));
        assertEquals("--workdir is required", e.getMessage());
    }

    @Test
    void putsTheControllerNextToTheKafkaPortByDefault() {
        LocalStack.Options options = LocalStackApp.parse(new String[] {"--workdir=k", "--kafka-port=19092"});
        assertEquals(Path.of("k"), options.workdir());
        assertEquals(19093, options.controllerPort());
        assertEquals(3, options.partitions());
        assertTrue(!options.brokerOnly());
    }

    @Test
    void readsBrokerOnlyAndSeparateValues() {
        LocalStack.Options options = LocalStackApp.parse(
                new String[] {"--workdir", "w", "--broker-only", "--controller-port", "7000", "--partitions", "6"});
        assertTrue(options.brokerOnly());
        assertEquals(7000, options.controllerPort());
        assertEquals(6, options.partitions());
    }

    @Test
    void rejectsABadPort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalStackApp.parse(new String[] {"--workdir=k", "--kafka-port=70000"}));
        assertTrue(e.getMessage().contains("--kafka-port"), e.getMessage());
    }
}
