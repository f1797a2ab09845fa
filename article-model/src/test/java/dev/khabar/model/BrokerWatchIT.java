package dev.khabar.model;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.khabar.model.testing.TestBroker;

/** The probe against a real broker that is stopped and started again. */
class BrokerWatchIT {

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void turnsUnreachableWhileTheBrokerIsDownAndClearsWhenItIsBack() throws Exception {
        String address = broker.bootstrapServers();
        try (BrokerWatch watch = new BrokerWatch("test", Map.of("bootstrap.servers", address), Duration.ofMillis(1500))) {
            watch.start();
            assertTrue(watch.awaitAnswer());
            assertTrue(watch.unreachable().isEmpty());
            broker.stopBroker();
            await().atMost(Duration.ofSeconds(15)).until(() -> watch.unreachable().isPresent());
            String detail = watch.unreachable().orElseThrow();
            assertTrue(detail.startsWith("cannot reach the broker " + address + " for "), detail);
            broker.restartBroker();
            assertTrue(broker.bootstrapServers().equals(address), "same address after the restart");
            await().atMost(Duration.ofSeconds(20)).until(() -> watch.unreachable().isEmpty());
        }
    }
}
