package dev.khabar.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    private static final Health UP = new Health() {
        @Override
        public HealthStatus live() {
            return HealthStatus.up("live");
        }

        @Override
        public HealthStatus ready() {
            return HealthStatus.up("ready");
        }
    };

    @Test
    void everyMeterCarriesTheServiceTagAndTheJvmIsMeasured() {
        try (ServiceMetrics metrics = new ServiceMetrics("sink")) {
            metrics.registry().counter("khabar.sink.records.written").increment();
            String text = metrics.scrape();
            assertTrue(text.contains("khabar_sink_records_written_total{service=\"sink\"} 1.0"), text);
            assertTrue(text.contains("jvm_memory_used_bytes{"), text);
        }
    }

    @Test
    void portZeroLeavesTheEndpointsOff() {
        try (ServiceMetrics metrics = new ServiceMetrics("ingest")) {
            metrics.serve(0, UP);
            assertEquals(0, metrics.port());
        }
    }
}
