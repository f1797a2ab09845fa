package dev.khabar.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.enrich.EnrichConfig;
import dev.khabar.enrich.EnrichService;
import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.ingest.IngestService;
import dev.khabar.model.Json;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.SchemaValidator;
import dev.khabar.model.testing.TestBroker;
import dev.khabar.sink.SinkConfig;
import dev.khabar.sink.SinkService;

/** The whole pipeline on a real in-JVM KRaft broker: the five seeds in, five enriched JSON files out. */
class PipelineIT {

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
        broker.createKhabarTopics(3);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void turnsTheSeedsIntoFiveEnrichedArticlesAndCatchesARedroppedCopy(@TempDir Path workdir) {
        List<String> args = List.of("--workdir=" + workdir, "--bootstrap.servers=" + broker.bootstrapServers(),
                "--application.id=" + TestBroker.uniqueId("enrich"), "--group.id=" + TestBroker.uniqueId("sink"),
                "--min.file.age.ms=0", "--poll.interval.ms=100");
        Map<String, String> env = Map.of();
        try (EnrichService enrich = new EnrichService(load(EnrichConfig.DEFINITION, env, args, EnrichConfig::load),
                EnrichmentSteps.standard());
             SinkService sink = new SinkService(load(SinkConfig.DEFINITION, env, args, SinkConfig::load));
             IngestService ingest = new IngestService(load(IngestConfig.DEFINITION, env, args, IngestConfig::load),
                     Clock.systemUTC())) {
            enrich.start();
            sink.start();
            ingest.start();
            Path inbox = workdir.resolve("inbox");
            Path out = workdir.resolve("out");
            for (Path seed : PipelineFixture.seeds()) {
                PipelineFixture.drop(seed, inbox, seed.getFileName().toString());
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> PipelineFixture.list(out).size() == 5);
            for (Path file : PipelineFixture.list(out)) {
                JsonNode article = PipelineFixture.read(file);
                assertEquals("ar", article.path("language").path("code").asText(), file.toString());
                assertTrue(article.path("entities").size() >= 3, file + " has too few entities");
                assertTrue(article.path("canonical_entities").findValuesAsText("id").contains("country:IQ"),
                        file + " has no canonical entity for Iraq");
                assertTrue(article.path("dates").size() + article.path("quantities").size() >= 1,
                        file + " has no dates or quantities");
                assertEquals(Set.of(), SchemaValidator.problems(Topics.ENRICHED.name(), article), file.toString());
                assertEquals(article.path("id").asText() + ".json", file.getFileName().toString());
            }

            Path copy = PipelineFixture.seeds().get(3);
            PipelineFixture.drop(copy, inbox, "نسخة ثانية " + copy.getFileName());
            await().atMost(Duration.ofSeconds(60)).until(() -> broker.readAll(Topics.DUPLICATES.name()).size() == 1);
            ConsumerRecord<byte[], byte[]> duplicate = broker.readAll(Topics.DUPLICATES.name()).get(0);
            JsonNode record = readJson(duplicate.value());
            assertEquals("exact", record.path("kind").asText());
            assertEquals("نسخة ثانية " + copy.getFileName(), record.path("source").path("file_name").asText());
            assertEquals(Set.of(), SchemaValidator.problems(Topics.DUPLICATES.name(), record));
            await().atMost(Duration.ofSeconds(30)).until(() -> PipelineFixture.list(workdir.resolve("done")).size() == 6);
            assertEquals(5, PipelineFixture.list(out).size(), "the copy must not add a file");
            assertEquals(5, broker.readAll(Topics.ENRICHED.name()).size());
            List<String> done = PipelineFixture.list(workdir.resolve("done")).stream()
                    .map(p -> p.getFileName().toString()).toList();
            for (Path seed : PipelineFixture.seeds()) {
                assertTrue(done.contains(seed.getFileName().toString()), seed + " not in done/: " + done);
            }
            assertEquals(List.of(), PipelineFixture.list(workdir.resolve("failed")));
        }
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private interface Loader<C> {
        C load(Map<String, String> env, List<String> args);
    }

    /** Passes each service only the options it defines. */
    private static <C> C load(org.apache.kafka.common.config.ConfigDef def, Map<String, String> env, List<String> args,
                              Loader<C> loader) {
        List<String> own = args.stream().filter(a -> def.names().contains(a.substring(2, a.indexOf('=')))).toList();
        return loader.load(env, own);
    }
}
