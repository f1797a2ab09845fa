package dev.khabar.sink;

import static dev.khabar.model.testing.HealthEndpoint.READY;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.testing.HealthEndpoint;
import dev.khabar.model.testing.TestBroker;

/** Readiness follows the broker: the consumer keeps its partitions while it is gone, /health/ready must not. */
class SinkBrokerOutageIT {

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
        broker.createKhabarTopics(1);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void notReadyButLiveWhileTheBrokerIsDownAndReadyAgainOnceItIsBack(@TempDir Path workdir) {
        int port = HealthEndpoint.freePort();
        SinkConfig config = SinkConfig.load(Map.of(), List.of("--workdir=" + workdir,
                "--bootstrap.servers=" + broker.bootstrapServers(), "--group.id=" + TestBroker.uniqueId("sink-outage"),
                "--metrics.port=" + port, "--" + BrokerWatch.UNREACHABLE_TIMEOUT_MS_CONFIG + "=1500"));
        try (SinkService sink = new SinkService(config)) {
            sink.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> HealthEndpoint.get(port, READY).status() == 200);
            HealthEndpoint.assertReadinessFollowsTheBroker(broker, port);
        }
    }
}
