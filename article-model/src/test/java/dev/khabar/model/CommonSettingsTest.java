package dev.khabar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class CommonSettingsTest {

    private static final ConfigDef DEF = CommonSettings.define(new ConfigDef());

    private static CommonSettings load(Map<String, String> env, String... flags) {
        return CommonSettings.from(ConfigLoader.load(DEF, env, List.of(flags)), env);
    }

    @Test
    void metricsEndpointsAreOffUnlessAPortIsGiven() {
        assertEquals(0, load(Map.of()).metricsPort());
    }

    @Test
    void metricsPortComesFromTheEnvironmentAndFlagsWin() {
        assertEquals(9402, load(Map.of("KHABAR_METRICS_PORT", "9402")).metricsPort());
        assertEquals(9500, load(Map.of("KHABAR_METRICS_PORT", "9402"), "--metrics.port=9500").metricsPort());
    }

    @Test
    void metricsPortOutsideTheTcpRangeOrNotANumberIsRejected() {
        for (String bad : List.of("65536", "-1", "http")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> load(Map.of("KHABAR_METRICS_PORT", bad)), bad);
            assertTrue(e.getMessage().contains(CommonSettings.METRICS_PORT_CONFIG), e.getMessage());
        }
    }
}
