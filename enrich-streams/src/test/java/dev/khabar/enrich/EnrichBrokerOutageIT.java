package dev.khabar.enrich;

import static dev.khabar.model.testing.HealthEndpoint.READY;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.testing.HealthEndpoint;
import dev.khabar.model.testing.TestBroker;

/** Readiness follows the broker: Streams stays RUNNING while it is gone, /health/ready must not. */
class EnrichBrokerOutageIT {

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
    void notReadyButLiveWhileTheBrokerIsDownAndReadyAgainOnceItIsBack(@TempDir Path workdir) {
        int port = HealthEndpoint.freePort();
        EnrichConfig config = EnrichConfig.load(Map.of(), List.of("--workdir=" + workdir,
                "--bootstrap.servers=" + broker.bootstrapServers(), "--topic.partitions=1",
                "--application.id=" + TestBroker.uniqueId("enrich-outage"), "--metrics.port=" + port,
                "--" + BrokerWatch.UNREACHABLE_TIMEOUT_MS_CONFIG + "=1500"));
        try (EnrichService enrich = new EnrichService(config, EnrichmentSteps.standard())) {
            enrich.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> HealthEndpoint.get(port, READY).status() == 200);
            HealthEndpoint.assertReadinessFollowsTheBroker(broker, port);
            assertEquals(KafkaStreams.State.RUNNING, enrich.state());
        }
    }
}
