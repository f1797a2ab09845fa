package dev.khabar.enrich;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.ArticleIds;
import dev.khabar.model.Format;
import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceInfo;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.TestBroker;

/**
 * Two enrich instances (one application id) on a real broker with a 3-partition {@code articles.raw}: copies that
 * arrive on different raw partitions, and so usually at different instances, still meet on the single dedup
 * partition.
 */
class DedupIT {

    private static final int PARTITIONS = 3;
    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
        broker.createKhabarTopics(PARTITIONS);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static String fixture(String name) {
        try (InputStream in = DedupIT.class.getResourceAsStream("/dedup/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawArticle article(String fileName, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = ArticleIds.sha256Hex(bytes);
        SourceInfo source = new SourceInfo(fileName, bytes.length, sha, "text/plain", "UTF-8",
                Instant.parse("2026-11-23T10:00:00Z"), null, List.of());
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(sha), source, Format.TEXT, text);
    }

    private static EnrichService instance(String applicationId, Path workdir) {
        return new EnrichService(EnrichConfig.load(Map.of(), List.of("--workdir=" + workdir,
                "--bootstrap.servers=" + broker.bootstrapServers(), "--application.id=" + applicationId,
                "--" + EnrichConfig.DEDUP_RETENTION_MS_CONFIG + "=" + Duration.ofHours(1).toMillis())),
                EnrichmentSteps.standard());
    }

    private static List<JsonNode> values(String topic) {
        return broker.readAll(topic).stream().map(ConsumerRecord::value).map(DedupIT::json).toList();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void catchesANearCopyOnAnotherPartitionAndForgetsItAfterRetention(@TempDir Path one, @TempDir Path two)
            throws Exception {
        String applicationId = TestBroker.uniqueId("dedup-it");
        String original = fixture("harbour.txt");
        String reprint = original.replace("Port authority approves night shifts at the old harbour",
                "Harbour to allow night work after eleven-year ban").replace("eleven years", "11 years")
                + "\n\nAll rights reserved.";
        RawArticle first = article("harbour.txt", original);
        RawArticle copy = article("harbour-reprint.txt", reprint);
        RawArticle other = article("library.txt", fixture("library.txt"));
        RawArticle lateCopy = article("harbour-late.txt", reprint + "\n\nUpdated.");
        // brokers reject timestamps more than an hour ahead, so the story starts three hours ago
        long t0 = System.currentTimeMillis() - Duration.ofHours(3).toMillis();

        try (EnrichService a = instance(applicationId, one);
             EnrichService b = instance(applicationId, two);
             KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(broker.clientProperties(),
                     Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> a.state() == KafkaStreams.State.RUNNING
                    && b.state() == KafkaStreams.State.RUNNING);

            producer.send(new ProducerRecord<>(Topics.RAW.name(), 0, t0, first.id(), first)).get();
            producer.send(new ProducerRecord<>(Topics.RAW.name(), 1, t0 + 1, other.id(), other)).get();
            await().atMost(Duration.ofSeconds(120)).until(() -> values(Topics.ENRICHED.name()).size() == 2);

            producer.send(new ProducerRecord<>(Topics.RAW.name(), 2, t0 + 1000, copy.id(), copy)).get();
            await().atMost(Duration.ofSeconds(120)).until(() -> values(Topics.DUPLICATES.name()).size() == 1);
            JsonNode duplicate = values(Topics.DUPLICATES.name()).get(0);
            assertEquals(copy.id(), duplicate.path("id").asText());
            assertEquals(first.id(), duplicate.path("duplicate_of").asText());
            assertEquals("near", duplicate.path("kind").asText());

            // two hours later (by ingest time) the 1-hour retention has passed: the next copy is new again
            producer.send(new ProducerRecord<>(Topics.RAW.name(), 2, t0 + Duration.ofHours(2).toMillis(),
                    lateCopy.id(), lateCopy)).get();
            await().atMost(Duration.ofSeconds(120)).until(() -> values(Topics.ENRICHED.name()).size() == 3);
            List<String> enriched = values(Topics.ENRICHED.name()).stream().map(n -> n.path("id").asText()).toList();
            assertEquals(1, enriched.stream().filter(first.id()::equals).count());
            assertTrue(enriched.containsAll(List.of(first.id(), other.id(), lateCopy.id())), enriched.toString());
            assertTrue(!enriched.contains(copy.id()), enriched.toString());
            assertEquals(1, values(Topics.DUPLICATES.name()).size());
        }
    }
}
