package dev.khabar.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import dev.khabar.enrich.EnrichConfig;
import dev.khabar.enrich.EnrichService;
import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.ingest.IngestService;
import dev.khabar.model.CommonSettings;
import dev.khabar.model.Json;
import dev.khabar.model.Topics;
import dev.khabar.sink.SinkConfig;
import dev.khabar.sink.SinkService;

/**
 * The end-to-end scenario against the {@code apache/kafka} image that docker-compose.yml pins, in a container started
 * by Testcontainers; the three services run in this JVM, each on its own, wired the way local-stack wires them.
 * Skipped when no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerKafkaPipelineIT {

    private static final Path SEEDS = Path.of("..", "seeds");
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(180);

    /** The same image and tag as the compose file's broker, so the two cannot drift apart. */
    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse(composeKafkaImage()))
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withStartupTimeout(Duration.ofMinutes(3));

    @TempDir
    Path workdir;

    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stopServices() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop " + running.get(i), e);
            }
        }
    }

    @Test
    void seedsBecomeEnrichedArabicArticlesAndARepeatedSeedOnlyADuplicateRecord() throws IOException {
        startServices();
        List<Path> seeds = seeds();
        assertEquals(5, seeds.size(), "the five seeds in ../seeds");
        for (Path seed : seeds) {
            Files.copy(seed, workdir.resolve("inbox").resolve(seed.getFileName()));
        }

        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> jsonFiles(workdir.resolve("out")).size() == 5);
        for (Path file : jsonFiles(workdir.resolve("out"))) {
            JsonNode article = Json.mapper().readTree(file.toFile());
            assertEquals("ar", article.path("language").path("code").asText(), () -> file + " language");
            assertTrue(article.path("entities").size() >= 3, () -> file + " has " + article.path("entities").size() + " entities");
            assertEquals(file.getFileName().toString(), article.path("id").asText() + ".json");
        }

        Path again = workdir.resolve("inbox").resolve("again-" + seeds.get(0).getFileName());
        Files.copy(seeds.get(0), again);
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> readAll(Topics.DUPLICATES.name()).size() == 1);
        await().atMost(PIPELINE_TIMEOUT).until(() -> Files.exists(workdir.resolve("done").resolve(again.getFileName())));

        List<ConsumerRecord<byte[], byte[]>> duplicates = readAll(Topics.DUPLICATES.name());
        assertEquals(1, duplicates.size());
        JsonNode duplicate = Json.mapper().readTree(duplicates.get(0).value());
        assertEquals("exact", duplicate.path("kind").asText());
        assertTrue(Files.exists(workdir.resolve("out").resolve(duplicate.path("duplicate_of").asText() + ".json")),
                () -> "duplicate_of names an article in out/: " + duplicate);
        assertEquals(5, readAll(Topics.ENRICHED.name()).size(), "no sixth enriched record");
        assertEquals(5, jsonFiles(workdir.resolve("out")).size(), "no sixth file in out/");
        for (Path seed : seeds) {
            assertTrue(Files.exists(workdir.resolve("done").resolve(seed.getFileName())), () -> seed.getFileName() + " in done/");
        }
        assertEquals(List.of(), listFiles(workdir.resolve("failed")), "nothing rejected");
    }

    private void startServices() {
        List<String> args = List.of("--" + CommonSettings.WORKDIR_CONFIG + "=" + workdir,
                "--" + CommonSettings.BOOTSTRAP_SERVERS_CONFIG + "=" + KAFKA.getBootstrapServers(),
                "--" + CommonSettings.TOPIC_PARTITIONS_CONFIG + "=3",
                "--" + CommonSettings.TOPIC_REPLICATION_FACTOR_CONFIG + "=1");
        Map<String, String> env = Map.of();
        List<String> enrichArgs = new ArrayList<>(args);
        enrichArgs.add("--" + EnrichConfig.APPLICATION_ID_CONFIG + "=khabar-enrich-docker-it-" + UUID.randomUUID());
        EnrichService enrich = new EnrichService(EnrichConfig.load(env, enrichArgs), EnrichmentSteps.standard());
        enrich.start();
        running.add(enrich);
        SinkService sink = new SinkService(SinkConfig.load(env, args));
        sink.start();
        running.add(sink);
        IngestService ingest = new IngestService(IngestConfig.load(env, args), Clock.systemUTC());
        ingest.start();
        running.add(ingest);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(workdir.resolve("inbox")));
    }

    private static String composeKafkaImage() {
        ComposeProject compose = ComposeProject.read(Path.of(".."));
        return compose.service(compose.kafkaServiceName()).get("image").asText();
    }

    private static List<Path> seeds() {
        return listFiles(SEEDS).stream().filter(p -> p.toString().endsWith(".txt")).toList();
    }

    private static List<Path> jsonFiles(Path folder) {
        return listFiles(folder).stream().filter(p -> p.getFileName().toString().endsWith(".json")).toList();
    }

    private static List<Path> listFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every committed record of {@code topic}, from the beginning to its current end. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading " + topic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
