package dev.khabar.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.network.ListenerName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.enrich.EnrichConfig;
import dev.khabar.enrich.EnrichService;
import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.ingest.IngestService;
import dev.khabar.model.ArticleIds;
import dev.khabar.model.KafkaEnvironment;
import dev.khabar.model.testing.TestBroker;
import dev.khabar.sink.SinkConfig;
import dev.khabar.sink.SinkService;

/**
 * The three services against a broker whose client listener wants SASL/SCRAM-SHA-512, configured only through
 * the {@code KAFKA_*} environment variables a user sets (no code, no file).
 */
class SaslScramIT {

    private static final String USER = "khabar";
    private static final String PASSWORD = "khabar-secret";

    private static TestBroker broker;
    private static String scramBootstrap;

    @BeforeAll
    static void startBrokerWithAScramListener() throws Exception {
        // the test kit's PLAINTEXT listener stays for the controller, the broker itself and the operator's set-up
        broker = TestBroker.start(Map.of(
                "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,SECURE://localhost:0",
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SECURE:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "listener.name.secure.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
        int port = broker.cluster().brokers().values().iterator().next().boundPort(ListenerName.normalised("SECURE"));
        scramBootstrap = "localhost:" + port;
        try (Admin admin = broker.admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD))).all().get(30, TimeUnit.SECONDS);
        }
        broker.createKhabarTopics(3);
        // the credential reaches the broker's cache asynchronously
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Admin admin = Admin.create(KafkaEnvironment.clientProperties(environment(PASSWORD)))) {
                return admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS) != null;
            }
        });
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    /** What a user puts in the compose file or the shell: nothing else reaches the services. */
    private static Map<String, String> environment(String password) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", scramBootstrap,
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + USER + "\" password=\"" + password + "\";");
    }

    @Test
    void enrichesASeedOverTheScramListenerWithSettingsFromTheEnvironmentOnly(@TempDir Path workdir) throws Exception {
        Map<String, String> env = environment(PASSWORD);
        List<String> args = List.of("--workdir=" + workdir, "--application.id=" + TestBroker.uniqueId("enrich"),
                "--group.id=" + TestBroker.uniqueId("sink"), "--min.file.age.ms=0", "--poll.interval.ms=100");
        EnrichConfig enrichConfig = EnrichConfig.load(env, LocalStack.own(EnrichConfig.DEFINITION, args));
        assertEquals(scramBootstrap, enrichConfig.common().bootstrapServers());
        assertEquals("SASL_PLAINTEXT", enrichConfig.streamsProperties().get("security.protocol"));
        try (EnrichService enrich = new EnrichService(enrichConfig, EnrichmentSteps.standard());
             SinkService sink = new SinkService(SinkConfig.load(env, LocalStack.own(SinkConfig.DEFINITION, args)));
             IngestService ingest = new IngestService(IngestConfig.load(env, LocalStack.own(IngestConfig.DEFINITION, args)),
                     Clock.systemUTC())) {
            enrich.start();
            sink.start();
            ingest.start();
            Path seed = PipelineFixture.seeds().get(0);
            PipelineFixture.drop(seed, workdir.resolve("inbox"), seed.getFileName().toString());
            String id = ArticleIds.fromSha256(ArticleIds.sha256Hex(Files.readAllBytes(seed)));
            Path out = workdir.resolve("out").resolve(id + ".json");
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(out));
            JsonNode article = PipelineFixture.read(out);
            assertEquals(id, article.path("id").asText());
            assertEquals("ar", article.path("language").path("code").asText());
            assertTrue(article.path("entities").size() > 0, "no entities in " + out);
        }
    }

    @Test
    void refusesAWrongPasswordWithAClearErrorInsteadOfWaiting(@TempDir Path workdir) {
        EnrichConfig config = EnrichConfig.load(environment("not-the-password"),
                List.of("--workdir=" + workdir, "--application.id=" + TestBroker.uniqueId("enrich")));
        try (EnrichService enrich = new EnrichService(config, EnrichmentSteps.standard())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, enrich::start);
            assertTrue(e.getMessage().contains("Authentication failed")
                    && e.getMessage().contains("SCRAM-SHA-512"), e.getMessage());
        }
    }
}
