package dev.khabar.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Json;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.TestBroker;

/** The sink on a real in-JVM broker: committed records only, files before offsets, mirrors. */
class SinkServiceIT {

    private static TestBroker broker;
    private static final List<String> COMMITTED = new ArrayList<>();
    private static String aborted;

    @BeforeAll
    static void startBrokerAndPublish() throws Exception {
        broker = TestBroker.start();
        broker.createKhabarTopics(3);
        Map<String, Object> props = broker.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestBroker.uniqueId("sink-it"));
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 12; i++) {
                String id = String.format("%024d", i);
                COMMITTED.add(id);
                producer.send(enriched(Articles.article(id, "نص " + i)));
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add("__streams.errors.message", "cannot extract".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(Topics.DLQ.name(), null, null, "k".getBytes(StandardCharsets.UTF_8),
                    "<html>broken".getBytes(StandardCharsets.UTF_8), headers));
            producer.send(new ProducerRecord<>(Topics.DUPLICATES.name(), COMMITTED.get(0).getBytes(StandardCharsets.UTF_8),
                    ("{\"schema_version\":1,\"id\":\"" + COMMITTED.get(0) + "\",\"duplicate_of\":\"" + COMMITTED.get(0)
                            + "\",\"kind\":\"exact\",\"similarity\":1.0}").getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
            producer.beginTransaction();
            aborted = String.format("%024d", 99);
            producer.send(enriched(Articles.article(aborted, "aborted")));
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static ProducerRecord<byte[], byte[]> enriched(EnrichedArticle article) throws Exception {
        return new ProducerRecord<>(Topics.ENRICHED.name(), article.id().getBytes(StandardCharsets.UTF_8),
                Json.mapper().writeValueAsBytes(article));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static SinkConfig config(Path workdir, String group, String... more) {
        List<String> args = new ArrayList<>(List.of("--workdir=" + workdir, "--bootstrap.servers=" + broker.bootstrapServers(),
                "--group.id=" + group));
        args.addAll(List.of(more));
        return SinkConfig.load(Map.of(), args);
    }

    @Test
    void writesEachCommittedArticleOnceAndCommitsItsOffset(@TempDir Path workdir) throws Exception {
        String group = TestBroker.uniqueId("sink");
        Path out = workdir.resolve("out");
        try (SinkService sink = new SinkService(config(workdir, group))) {
            sink.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> names(out).size() == COMMITTED.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(group) == COMMITTED.size());
        }
        Set<String> expected = new TreeSet<>();
        COMMITTED.forEach(id -> expected.add(id + ".json"));
        assertEquals(expected, new TreeSet<>(names(out)), "the aborted article must not be written");
        assertEquals("نص 3", Json.mapper().readTree(out.resolve(COMMITTED.get(3) + ".json").toFile()).path("body").asText());
    }

    @Test
    void writesJsonLinesAndMirrorsAndCommitsOnlyPublishedFiles(@TempDir Path workdir) throws Exception {
        String group = TestBroker.uniqueId("sink");
        Path out = workdir.resolve("out");
        try (SinkService sink = new SinkService(config(workdir, group, "--out.format=jsonl", "--jsonl.roll.ms=300000",
                "--mirror.duplicates=true", "--mirror.dlq=true"))) {
            sink.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> names(out.resolve("_dlq")).size() == 1
                    && names(out.resolve("_duplicates")).size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> hiddenLines(out) == COMMITTED.size());
            assertTrue(jsonlIds(out).isEmpty(), "no JSON Lines file is published before it is rolled");
        }
        // closing published the open files and committed their offsets
        assertEquals(new TreeSet<>(COMMITTED), new TreeSet<>(jsonlIds(out)));
        assertEquals(COMMITTED.size(), jsonlIds(out).size());
        assertEquals(List.of(), hidden(out));
        assertEquals(COMMITTED.size() + 2, committed(group));
        JsonNode letter = Json.mapper().readTree(Files.list(out.resolve("_dlq")).findFirst().orElseThrow().toFile());
        assertEquals("<html>broken", letter.path("value").asText());
        assertEquals("cannot extract", letter.path("headers").path("__streams.errors.message").asText());

        try (SinkService again = new SinkService(config(workdir, group, "--out.format=jsonl", "--jsonl.roll.ms=200"))) {
            again.start();
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        }
        assertEquals(COMMITTED.size(), jsonlIds(out).size(), "a restart with the committed offsets writes nothing again");
    }

    /** Sum over partitions of the group's committed offsets; with no gaps before them it counts committed records. */
    private static long committed(String group) throws Exception {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    /** The visible files of {@code dir}; listed without reading attributes, as the sink renames its temporary files. */
    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList();
        }
    }

    private static List<Path> hidden(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static long hiddenLines(Path out) throws Exception {
        long lines = 0;
        for (Path file : hidden(out)) {
            lines += Files.readAllLines(file).size();
        }
        return lines;
    }

    private static List<String> jsonlIds(Path out) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    ids.add(Json.mapper().readTree(line).path("id").asText());
                }
            }
        }
        assertFalse(ids.contains(aborted));
        return ids;
    }
}
