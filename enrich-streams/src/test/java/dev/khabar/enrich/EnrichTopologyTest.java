package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.khabar.model.CommonSettings;
import dev.khabar.model.DuplicateRecord;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.RawArticle;
import dev.khabar.model.Topics;

class EnrichTopologyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DuplicateRecord> duplicates;

    @BeforeEach
    void startDriver() {
        Topology topology = EnrichTopology.build(3, EnrichmentSteps.standard(), CLOCK);
        EnrichConfig config = EnrichConfig.load(java.util.Map.of(),
                List.of("--" + CommonSettings.WORKDIR_CONFIG + "=target/topology-test"));
        Properties props = config.streamsProperties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test/state-" + System.nanoTime());
        driver = new TopologyTestDriver(topology, props);
        raw = driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(),
                Topics.RAW.valueSerde().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        duplicates = driver.createOutputTopic(Topics.DUPLICATES.name(), Topics.DUPLICATES.keySerde().deserializer(),
                Topics.DUPLICATES.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void enrichesEachSeedOnceWithArabicLanguageAndEntities() {
        for (Path seed : Seeds.files()) {
            RawArticle article = Seeds.raw(seed, seed.getFileName().toString());
            raw.pipeInput(article.id(), article);
        }
        List<EnrichedArticle> out = enriched.readValuesToList();
        assertEquals(5, out.size());
        for (EnrichedArticle article : out) {
            assertEquals("ar", article.language().code(), article.source().fileName());
            assertTrue(article.entities().size() >= 3, article.source().fileName() + ": " + article.entities());
            assertEquals("unique", article.dedup().status());
            assertTrue(article.title() != null && !article.title().isBlank(), article.source().fileName());
        }
        assertTrue(duplicates.isEmpty());
    }

    @Test
    void sendsAnExactCopyUnderAnotherNameToDuplicates() {
        Path seed = Seeds.files().get(2);
        RawArticle first = Seeds.raw(seed, "first.txt");
        RawArticle copy = Seeds.raw(seed, "copy of first.txt");
        raw.pipeInput(first.id(), first);
        raw.pipeInput(copy.id(), copy);
        assertEquals(1, enriched.readValuesToList().size());
        DuplicateRecord duplicate = duplicates.readValue();
        assertEquals(first.id(), duplicate.duplicateOf());
        assertEquals("exact", duplicate.kind());
        assertEquals("copy of first.txt", duplicate.source().fileName());
    }

    @Test
    void sendsAnArticleThatCannotBeExtractedToTheDeadLetterTopic() {
        RawArticle seed = Seeds.raw(Seeds.files().get(0), "a.json");
        RawArticle bad = new RawArticle(seed.schemaVersion(), seed.id(), seed.source(), dev.khabar.model.Format.JSON,
                "{\"headline\": \"no body here\"}");
        raw.pipeInput(bad.id(), bad);
        raw.pipeInput(seed.id(), seed);
        assertEquals(1, enriched.readValuesToList().size(), "the stream goes on after a bad record");
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(Topics.DLQ.name(),
                Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer());
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertEquals(bad.id(), new String(dead.key(), StandardCharsets.UTF_8));
        Set<String> headers = java.util.Arrays.stream(dead.headers().toArray()).map(Header::key).collect(Collectors.toSet());
        assertTrue(headers.stream().anyMatch(h -> h.contains("exception")), headers.toString());
    }

    @Test
    void namesEveryInternalTopicAndStore() {
        String description = EnrichTopology.build(3, EnrichmentSteps.standard(), CLOCK).describe().toString();
        for (String name : List.of("dedup-repartition", "enrich-repartition", "dedup-exact-store", "extract",
                "dedup", "enrich", "write-enriched", "write-duplicates")) {
            assertTrue(description.contains(name), name + " missing from\n" + description);
        }
        assertTrue(!description.contains("KSTREAM-"), "unnamed processor in\n" + description);
    }

}
