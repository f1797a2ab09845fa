package dev.khabar.enrich;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.testing.HealthEndpoint;
import dev.khabar.ops.Health;
import dev.khabar.ops.HealthStatus;

class EnrichHealthTest {

    @Test
    void readyOnlyWhenStreamsIsRunning() {
        for (State state : State.values()) {
            HealthStatus ready = EnrichService.health(() -> state).ready();
            assertEquals(state == State.RUNNING, ready.up(), state.toString());
            assertEquals("streams " + state, ready.detail());
        }
    }

    @Test
    void liveWhileStartingRebalancingOrRunningAndNotOnceFailedOrStopping() {
        Set<State> live = EnumSet.of(State.CREATED, State.REBALANCING, State.RUNNING);
        for (State state : State.values()) {
            Health health = EnrichService.health(() -> state);
            assertEquals(live.contains(state), health.live().up(), state.toString());
        }
        assertFalse(EnrichService.health(() -> State.ERROR).live().up());
        assertTrue(EnrichService.health(() -> State.REBALANCING).live().up());
    }

    @Test
    void waitsLiveButNotReadyWhileTheBrokerNameDoesNotResolveAndStopsPromptly(@TempDir Path work) throws Exception {
        String nowhere = "kafka-not-there.invalid:9092";
        int port = HealthEndpoint.freePort();
        EnrichConfig config = EnrichConfig.load(Map.of("KAFKA_BOOTSTRAP_SERVERS", nowhere), List.of("--workdir=" + work,
                "--metrics.port=" + port, "--" + BrokerWatch.UNREACHABLE_TIMEOUT_MS_CONFIG + "=900"));
        try (EnrichService service = new EnrichService(config, EnrichmentSteps.standard())) {
            Thread starting = new Thread(service::start, "enrich-start");
            starting.start();
            HealthEndpoint.assertWaitingForTheName(port, nowhere);
            assertTrue(starting.isAlive(), "start() keeps waiting instead of failing");
            assertEquals(State.CREATED, service.state());
            service.close();
            starting.join(Duration.ofSeconds(10).toMillis());
            assertFalse(starting.isAlive(), "start() returns once the service is closed");
        }
    }
}
