package dev.khabar.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkHealthTest {

    @Test
    void liveButNotReadyBeforeItStartsAndTheMetersExistAtZero(@TempDir Path work) {
        SinkConfig config = SinkConfig.load(Map.of(), List.of("--workdir=" + work));
        try (SinkService service = new SinkService(config)) {
            assertTrue(service.health().live().up());
            assertFalse(service.health().ready().up());
            assertEquals("starting", service.health().ready().detail());
            String text = service.metrics().scrape();
            assertTrue(text.contains("khabar_sink_records_written_total{service=\"sink\"} 0.0"), text);
            assertTrue(text.contains("khabar_sink_consumer_lag_records{service=\"sink\"} 0.0"), text);
            assertTrue(text.contains("khabar_sink_end_to_end_latency_seconds_count{service=\"sink\"} 0"), text);
        }
    }
}
