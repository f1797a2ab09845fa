package dev.khabar.enrich.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import dev.khabar.enrich.extract.ArticleExtractor;
import dev.khabar.model.DuplicateRecord;
import dev.khabar.model.Format;
import dev.khabar.model.RawArticle;

class DedupEngineTest {

    private static final long T0 = 1_750_000_000_000L;
    private static final long DAY = Duration.ofDays(1).toMillis();

    static String fixture(String name) {
        try (InputStream in = DedupEngineTest.class.getResourceAsStream("/dedup/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final DedupEngine engine = new DedupEngine(DedupSettings.defaults(), DedupState.inMemory());

    @Test
    void passesFirstCopyAsUnique() {
        DedupVerdict verdict = engine.decide("a", fixture("harbour.txt"), T0);
        assertFalse(verdict.duplicate());
        assertEquals(DedupVerdict.UNIQUE, verdict.status());
        assertEquals(64, verdict.fingerprint().length());
    }

    @Test
    void flagsCopyWithOtherDiacriticsDigitsAndPunctuationAsExact() {
        String original = fixture("water-ar.txt");
        String copy = original.replace("١٢", "12").replace("البلدية", "البلديّة").replace("،", " ,")
                .replace("الأحياء", "الاحياء");
        engine.decide("a", original, T0);
        DedupVerdict verdict = engine.decide("b", copy, T0 + 1);
        assertEquals("a", verdict.duplicateOf());
        assertEquals(DuplicateRecord.EXACT, verdict.kind());
        assertEquals(1.0, verdict.similarity());
    }

    @Test
    void flagsCopyWithNewHeadlineChromeAndWordEditsAsNear() {
        String original = fixture("harbour.txt");
        String copy = "Share this article: Facebook | Twitter\n\n"
                + original.replace("Port authority approves night shifts at the old harbour",
                        "Night work allowed at harbour")
                .replace("eleven years", "11 years").replace("busy autumn", "autumn")
                + "\n\nAll rights reserved.";
        engine.decide("a", original, T0);
        DedupVerdict verdict = engine.decide("b", copy, T0 + 1);
        assertEquals("a", verdict.duplicateOf());
        assertEquals(DuplicateRecord.NEAR, verdict.kind());
        assertTrue(verdict.similarity() >= 0.45 && verdict.similarity() < 1.0, "similarity " + verdict.similarity());
    }

    @Test
    void flagsTrimmedCopyByContainment() {
        String original = fixture("library.txt");
        String[] paragraphs = original.split("\n\n");
        String trimmed = String.join("\n\n", List.of(paragraphs).subList(0, 3));
        engine.decide("a", original, T0);
        DedupVerdict verdict = engine.decide("b", trimmed, T0 + 1);
        assertEquals("a", verdict.duplicateOf());
        assertEquals(DuplicateRecord.NEAR, verdict.kind());
    }

    @Test
    void keepsDifferentArticlesUnique() {
        assertFalse(engine.decide("a", fixture("harbour.txt"), T0).duplicate());
        assertFalse(engine.decide("b", fixture("library.txt"), T0 + 1).duplicate());
        assertFalse(engine.decide("c", fixture("water-ar.txt"), T0 + 2).duplicate());
    }

    @Test
    void pointsEveryLaterCopyAtTheFirstCopy() {
        String original = fixture("harbour.txt");
        String near = original.replace("eleven years", "a decade") + "\n\nRead more: port news";
        engine.decide("first", original, T0);
        assertEquals("first", engine.decide("second", near, T0 + 1).duplicateOf());
        DedupVerdict third = engine.decide("third", near, T0 + 2);
        assertEquals("first", third.duplicateOf());
        assertEquals(DuplicateRecord.EXACT, third.kind());
    }

    @Test
    void flagsTheSameFileIngestedAgainLaterAsExactCopy() {
        engine.decide("a", fixture("harbour.txt"), T0);
        DedupVerdict again = engine.decide("a", fixture("harbour.txt"), T0 + 5);
        assertEquals("a", again.duplicateOf());
        assertEquals(DuplicateRecord.EXACT, again.kind());
    }

    @Test
    void leavesEmptyBodiesUnique() {
        assertFalse(engine.decide("a", "", T0).duplicate());
        assertFalse(engine.decide("b", " ... ", T0 + 1).duplicate());
    }

    @Test
    void ignoresEntriesOlderThanRetentionEvenBeforeExpiryRuns() {
        engine.decide("a", fixture("harbour.txt"), T0);
        assertTrue(engine.decide("b", fixture("harbour.txt"), T0 + 7 * DAY).duplicate());
        assertFalse(engine.decide("c", fixture("harbour.txt"), T0 + 7 * DAY + 1).duplicate());
    }

    @Test
    void expiryRemovesEveryEntryOfExpiredArticles() {
        DedupState state = DedupState.inMemory();
        DedupEngine engine = new DedupEngine(DedupSettings.defaults().withRetention(Duration.ofDays(1)), state);
        engine.decide("a", fixture("harbour.txt"), T0);
        engine.decide("b", fixture("harbour.txt") + "\n\nRead more.", T0 + 10);
        engine.decide("c", fixture("library.txt"), T0 + DAY / 2);
        assertEquals(0, engine.expire(T0 + DAY));
        assertEquals(2, engine.expire(T0 + DAY + 11));
        // only c is left: one exact entry, one signature, its bands, one expiry entry
        assertEquals(1, state.footprint().get(DedupState.EXACT_STORE)[0]);
        assertEquals(1, state.footprint().get(DedupState.SIGNATURE_STORE)[0]);
        assertEquals(42, state.footprint().get(DedupState.BAND_STORE)[0]);
        assertEquals(1, state.footprint().get(DedupState.EXPIRY_STORE)[0]);
        assertEquals(1, engine.expire(T0 + 3 * DAY));
        state.footprint().values().forEach(v -> assertEquals(0, v[0]));
        assertFalse(engine.decide("d", fixture("harbour.txt"), T0 + 3 * DAY).duplicate());
    }

    @Test
    void storeBackedStateGivesTheSameVerdictsAsInMemoryState() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        List<KeyValueStore<Bytes, byte[]>> stores = new ArrayList<>();
        for (String name : DedupState.STORE_NAMES) {
            KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            stores.add(store);
        }
        DedupEngine onStores = new DedupEngine(DedupSettings.defaults(),
                DedupState.onStores(stores.get(0), stores.get(1), stores.get(2), stores.get(3)));
        String harbour = fixture("harbour.txt");
        String[] bodies = {harbour, fixture("library.txt"), harbour.replace("eleven", "11"),
                fixture("water-ar.txt"), harbour, String.join("\n\n", List.of(harbour.split("\n\n")).subList(0, 3))};
        for (int i = 0; i < bodies.length; i++) {
            DedupVerdict expected = engine.decide("id" + i, bodies[i], T0 + i);
            assertEquals(expected, onStores.decide("id" + i, bodies[i], T0 + i));
        }
        assertEquals(bodies.length - 3, onStores.expire(T0 + 7 * DAY + 3));
    }

    @Test
    void fiveSeedsAreAllUnique() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, seeds.size());
        ArticleExtractor extractor = ArticleExtractor.standard();
        for (int i = 0; i < seeds.size(); i++) {
            String text = Files.readString(seeds.get(i));
            String body = extractor.extract(new RawArticle(1, "seed" + i, null, Format.TEXT, text)).body();
            DedupVerdict verdict = engine.decide("seed" + i, body, T0 + i);
            assertNull(verdict.duplicateOf(), seeds.get(i) + " was flagged as a copy of " + verdict.duplicateOf());
        }
    }

    @Test
    void seedsZeroAndOneAreSameStoryButNotDuplicates() throws IOException {
        String a = Files.readString(Path.of("..", "seeds", "000_23d5bab61c0a11fb.txt"));
        String b = Files.readString(Path.of("..", "seeds", "001_180d7629234ad7da.txt"));
        assertTrue(engine.estimatedSimilarity(a, b) < 0.1);
        engine.decide("seed000", a, T0);
        assertFalse(engine.decide("seed001", b, T0 + 1).duplicate());
    }
}
