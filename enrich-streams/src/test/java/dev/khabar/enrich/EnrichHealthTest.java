package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

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
}
