package dev.khabar.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.testing.HealthEndpoint;

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

    @Test
    void waitsLiveButNotReadyWhileTheBrokerNameDoesNotResolveAndStopsPromptly(@TempDir Path work) {
        String nowhere = "kafka-not-there.invalid:9092";
        int port = HealthEndpoint.freePort();
        SinkConfig config = SinkConfig.load(Map.of("KAFKA_BOOTSTRAP_SERVERS", nowhere), List.of("--workdir=" + work,
                "--metrics.port=" + port, "--" + BrokerWatch.UNREACHABLE_TIMEOUT_MS_CONFIG + "=900"));
        try (SinkService service = new SinkService(config)) {
            service.start();
            HealthEndpoint.assertWaitingForTheName(port, nowhere);
            long closing = System.nanoTime();
            service.close();
            assertTrue(System.nanoTime() - closing < Duration.ofSeconds(5).toNanos(), "close() does not wait for the broker");
            await().atMost(Duration.ofSeconds(5)).until(() -> !service.health().live().up());
        }
    }
}
