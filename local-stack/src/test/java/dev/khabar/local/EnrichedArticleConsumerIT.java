package dev.khabar.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.enrich.EnrichConfig;
import dev.khabar.enrich.EnrichService;
import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.example.EnrichedArticleConsumer;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.ingest.IngestService;
import dev.khabar.model.ArticleIds;
import dev.khabar.model.Json;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.TestBroker;

/** The consumer's guide's Java example, run against the real pipeline: it prints each seed article once. */
class EnrichedArticleConsumerIT {

    private static final String ABORTED_ID = "000000000000000000000000";

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
    void printsEachSeedArticleOnceAndNothingOfAnAbortedTransaction(@TempDir Path workdir) throws Exception {
        Map<String, Path> seedsById = new HashMap<>();
        for (Path seed : PipelineFixture.seeds()) {
            seedsById.put(ArticleIds.fromSha256(ArticleIds.sha256Hex(Files.readAllBytes(seed))), seed);
        }
        // same key as a seed, so it sits before that seed's record in the same partition
        writeAndAbort(seedsById.keySet().iterator().next());

        List<String> args = List.of("--workdir=" + workdir, "--bootstrap.servers=" + broker.bootstrapServers(),
                "--application.id=" + TestBroker.uniqueId("enrich"), "--min.file.age.ms=0", "--poll.interval.ms=100");
        List<String> lines = new ArrayList<>();
        try (EnrichService enrich = new EnrichService(EnrichConfig.load(Map.of(), LocalStack.own(EnrichConfig.DEFINITION, args)),
                EnrichmentSteps.standard());
             IngestService ingest = new IngestService(IngestConfig.load(Map.of(), LocalStack.own(IngestConfig.DEFINITION, args)),
                     Clock.systemUTC());
             EnrichedArticleConsumer example = new EnrichedArticleConsumer(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, TestBroker.uniqueId("example")))) {
            enrich.start();
            ingest.start();
            seedsById.values().forEach(seed -> PipelineFixture.drop(seed, workdir.resolve("inbox"),
                    seed.getFileName().toString()));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                lines.addAll(example.poll(Duration.ofMillis(500)));
                return printedIds(lines).containsAll(seedsById.keySet());
            });
        }

        assertEquals(new TreeSet<>(seedsById.keySet()), new TreeSet<>(printedIds(lines)), String.join("\n", lines));
        assertEquals(seedsById.size(), lines.size(), "one line per article:\n" + String.join("\n", lines));
        Map<String, JsonNode> enriched = broker.readAll(Topics.ENRICHED.name()).stream()
                .map(record -> read(record.value()))
                .collect(Collectors.toMap(article -> article.path("id").asText(), article -> article));
        for (String line : lines) {
            JsonNode article = enriched.get(line.substring(0, line.indexOf(' ')));
            String title = article.path("title").asText("").isBlank() ? "(no title)" : article.path("title").asText();
            assertTrue(line.startsWith(article.path("id").asText() + "  ar  " + title + "  | "), line);
            Set<String> mentioned = new LinkedHashSet<>();
            article.path("entities").forEach(entity -> mentioned.add(entity.path("text").asText()));
            List<String> printed = List.of(line.substring(line.indexOf("  | ") + 4).split(", "));
            assertEquals(Math.min(5, mentioned.size()), printed.size(), line);
            for (String entity : printed) {
                String text = entity.substring(0, entity.lastIndexOf(" ("));
                assertTrue(mentioned.contains(text), entity + " is not an entity of " + article.path("id"));
            }
        }
    }

    private static Set<String> printedIds(List<String> lines) {
        return lines.stream().map(line -> line.substring(0, line.indexOf(' '))).collect(Collectors.toSet());
    }

    /** Writes a well-formed enriched article in a transaction that is then aborted. */
    private static void writeAndAbort(String key) {
        String value = """
                {"schema_version": 1, "id": "%s", "title": "aborted", "body": "x",
                 "language": {"code": "en", "confidence": 1.0, "script": "Latn"}, "entities": []}
                """.formatted(ABORTED_ID);
        Map<String, Object> props = broker.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestBroker.uniqueId("aborting"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), key, value));
            producer.flush();
            producer.abortTransaction();
        }
        assertTrue(broker.readAll(Topics.ENRICHED.name()).isEmpty(), "the aborted record must not count as committed");
    }

    private static JsonNode read(byte[] json) {
        try {
            return Json.mapper().readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
