package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.khabar.enrich.dedup.DedupState;
import dev.khabar.model.ArticleIds;
import dev.khabar.model.CommonSettings;
import dev.khabar.model.DuplicateRecord;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Format;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceInfo;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.SchemaValidator;

/** Near-duplicate detection and expiry through the production {@link EnrichTopology#build}. */
class DedupTopologyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DuplicateRecord> duplicates;

    private void start(Duration retention) {
        EnrichConfig config = EnrichConfig.load(Map.of(),
                List.of("--" + CommonSettings.WORKDIR_CONFIG + "=target/dedup-topology-test"));
        Properties props = config.streamsProperties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/dedup-topology-test/state-" + System.nanoTime());
        driver = new TopologyTestDriver(EnrichTopology.build(3, EnrichmentSteps.standard(), CLOCK, retention), props);
        raw = driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(),
                Topics.RAW.valueSerde().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        duplicates = driver.createOutputTopic(Topics.DUPLICATES.name(), Topics.DUPLICATES.keySerde().deserializer(),
                Topics.DUPLICATES.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private static String fixture(String name) {
        try (InputStream in = DedupTopologyTest.class.getResourceAsStream("/dedup/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The harbour story as another site republished it: new headline, site chrome, a few words changed. */
    private static String republishedHarbour() {
        return fixture("harbour.txt")
                .replace("Port authority approves night shifts at the old harbour",
                        "Harbour to allow night work after eleven-year ban")
                .replace("eleven years", "11 years").replace("busy autumn", "autumn")
                .replace("before the end of the week.", "before the end of the week.\n\nAll rights reserved.");
    }

    private static RawArticle article(String fileName, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = ArticleIds.sha256Hex(bytes);
        SourceInfo source = new SourceInfo(fileName, bytes.length, sha, "text/plain", "UTF-8", T0, null, List.of());
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(sha), source, Format.TEXT, text);
    }

    private long entries(String store) {
        KeyValueStore<Bytes, byte[]> kv = driver.getKeyValueStore(store);
        long count = 0;
        try (KeyValueIterator<Bytes, byte[]> all = kv.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    @Test
    void sendsANearCopyToDuplicatesAndEnrichesOnlyTheFirst() {
        start(Duration.ofDays(7));
        RawArticle first = article("harbour.txt", fixture("harbour.txt"));
        RawArticle copy = article("harbour-reprint.html.txt", republishedHarbour());
        raw.pipeInput(first.id(), first, T0);
        raw.pipeInput(copy.id(), copy, T0.plusSeconds(60));

        List<EnrichedArticle> out = enriched.readValuesToList();
        assertEquals(1, out.size());
        assertEquals(first.id(), out.get(0).id());
        assertEquals("unique", out.get(0).dedup().status());
        assertEquals(64, out.get(0).dedup().fingerprint().length());
        DuplicateRecord duplicate = duplicates.readValue();
        assertEquals(copy.id(), duplicate.id());
        assertEquals(first.id(), duplicate.duplicateOf());
        assertEquals(DuplicateRecord.NEAR, duplicate.kind());
        assertTrue(duplicate.similarity() >= 0.45 && duplicate.similarity() < 1, "similarity " + duplicate.similarity());
        assertEquals("harbour-reprint.html.txt", duplicate.source().fileName());
        assertEquals(Set.of(), SchemaValidator.problems(Topics.DUPLICATES.name(), duplicate));
        assertEquals(Set.of(), SchemaValidator.problems(Topics.ENRICHED.name(), out.get(0)));
        assertTrue(duplicates.isEmpty());
    }

    @Test
    void forgetsArticlesAfterTheRetention() {
        start(Duration.ofDays(1));
        RawArticle first = article("harbour.txt", fixture("harbour.txt"));
        RawArticle other = article("library.txt", fixture("library.txt"));
        raw.pipeInput(first.id(), first, T0);
        raw.pipeInput(other.id(), other, T0.plus(Duration.ofHours(30)));
        assertEquals(2, entries(DedupState.EXACT_STORE));

        driver.advanceWallClockTime(Duration.ofMinutes(2));
        assertEquals(1, entries(DedupState.EXACT_STORE), "the harbour entry is past the 1-day retention");
        assertEquals(1, entries(DedupState.SIGNATURE_STORE));
        assertEquals(1, entries(DedupState.EXPIRY_STORE));
        assertEquals(42, entries(DedupState.BAND_STORE));

        RawArticle lateCopy = article("harbour-reprint.txt", republishedHarbour());
        raw.pipeInput(lateCopy.id(), lateCopy, T0.plus(Duration.ofHours(31)));
        assertEquals(List.of(first.id(), other.id(), lateCopy.id()),
                enriched.readValuesToList().stream().map(EnrichedArticle::id).toList());
        assertTrue(duplicates.isEmpty());
    }

    @Test
    void keepsCatchingCopiesWithinTheRetention() {
        start(Duration.ofDays(1));
        RawArticle first = article("harbour.txt", fixture("harbour.txt"));
        RawArticle copy = article("harbour-reprint.txt", republishedHarbour());
        raw.pipeInput(first.id(), first, T0);
        raw.pipeInput(copy.id(), copy, T0.plus(Duration.ofHours(23)));
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        assertEquals(1, enriched.readValuesToList().size());
        assertEquals(first.id(), duplicates.readValue().duplicateOf());
    }

    @Test
    void namesTheDedupStores() {
        String description = EnrichTopology.build(3, EnrichmentSteps.standard(), CLOCK).describe().toString();
        for (String store : DedupState.STORE_NAMES) {
            assertTrue(description.contains(store), store + " missing from\n" + description);
        }
    }
}
