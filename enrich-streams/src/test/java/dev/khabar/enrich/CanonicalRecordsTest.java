package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.khabar.model.CanonicalEntity;
import dev.khabar.model.CommonSettings;
import dev.khabar.model.DateExpression;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Entity;
import dev.khabar.model.Quantity;
import dev.khabar.model.RawArticle;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.SchemaValidator;

/** Canonical entities, dates and quantities of the seeds and of an English and a French article, on the production topology. */
class CanonicalRecordsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Path FIXTURES = Path.of("src", "test", "resources", "canonical");
    private static final Map<String, EnrichedArticle> BY_FILE = new LinkedHashMap<>();
    private static TopologyTestDriver driver;

    @BeforeAll
    static void enrich() {
        EnrichConfig config = EnrichConfig.load(Map.of(),
                List.of("--" + CommonSettings.WORKDIR_CONFIG + "=target/canonical-test"));
        Properties props = config.streamsProperties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/canonical-test/state-" + System.nanoTime());
        driver = new TopologyTestDriver(EnrichTopology.build(3, EnrichmentSteps.standard(), CLOCK), props);
        TestInputTopic<String, RawArticle> raw = driver.createInputTopic(Topics.RAW.name(),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
        List<Path> files = new ArrayList<>(Seeds.files());
        files.add(FIXTURES.resolve("en-ain-al-asad.txt"));
        files.add(FIXTURES.resolve("fr-ain-al-asad.txt"));
        for (Path file : files) {
            RawArticle article = Seeds.raw(file, file.getFileName().toString());
            raw.pipeInput(article.id(), article);
        }
        driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer()).readValuesToList()
                .forEach(a -> BY_FILE.put(a.source().fileName(), a));
        assertEquals(7, BY_FILE.size(), BY_FILE.keySet()::toString);
    }

    @AfterAll
    static void close() {
        driver.close();
    }

    @Test
    void everyRecordMatchesTheSchema() {
        BY_FILE.forEach((file, article) ->
                assertEquals(Set.of(), SchemaValidator.problems(Topics.ENRICHED.name(), article), file));
    }

    @Test
    void theTitlesNamesPointAtTheBodysEntities() {
        assertEquals(Map.of("US", "country:US", "Ain al-Asad", "city:IQ:ain-al-asad-air-base", "Iraq", "country:IQ"),
                titleIds(BY_FILE.get("en-ain-al-asad.txt")));
        assertEquals(Map.of("Irak", "country:IQ", "Aïn al-Assad", "city:IQ:ain-al-asad-air-base"),
                titleIds(BY_FILE.get("fr-ain-al-asad.txt")));
        assertEquals(Map.of("عين الأسد", "city:IQ:ain-al-asad-air-base", "داعش", "org:isis"),
                titleIds(BY_FILE.get("000_23d5bab61c0a11fb.txt")));
        EnrichedArticle untitled = BY_FILE.get("001_180d7629234ad7da.txt");
        assertEquals(null, untitled.title());
        assertEquals(List.of(), untitled.titleEntities());
    }

    /** Each title mention's text (checked against its code-point offsets) with the id of the body entry it points at. */
    private static Map<String, String> titleIds(EnrichedArticle article) {
        Map<String, String> ids = new LinkedHashMap<>();
        String title = article.title();
        for (Entity e : article.titleEntities()) {
            int from = title.offsetByCodePoints(0, e.start());
            assertEquals(e.text(), title.substring(from, title.offsetByCodePoints(from, e.end() - e.start())));
            assertNotNull(e.canonical(), e::toString);
            ids.put(e.text(), article.canonicalEntities().get(e.canonical()).id());
        }
        return ids;
    }

    @Test
    void seedsCarryCatalogueIdsForTheirMainEntities() {
        for (EnrichedArticle seed : seeds()) {
            Set<String> ids = ids(seed);
            Set<String> expected = seed.source().fileName().startsWith("003")
                    ? Set.of("country:IQ", "city:IQ:ain-al-asad-air-base")  // the one seed without ISIS
                    : Set.of("country:IQ", "org:isis");
            assertTrue(ids.containsAll(expected), seed.source().fileName() + ": " + ids);
        }
        CanonicalEntity isis = entry(BY_FILE.get("000_23d5bab61c0a11fb.txt"), "org:isis");
        assertTrue(isis.aliases().containsAll(List.of("داعش", "الدولة الإسلامية")), isis::toString);
        assertTrue(isis.mentions() >= 5, isis::toString);
    }

    @Test
    void mergesTheSurnameWithTheFullNameInASeed() {
        CanonicalEntity sudani = entry(BY_FILE.get("001_180d7629234ad7da.txt"), "person:mohammed-shia-al-sudani");
        assertEquals("محمد شياع السوداني", sudani.name());
        assertTrue(sudani.aliases().containsAll(List.of("محمد شياع السوداني", "السوداني")), sudani::toString);
        assertTrue(sudani.mentions() >= 3, sudani::toString);
    }

    @Test
    void englishAndFrenchArticlesShareTheArabicIds() {
        Set<String> shared = Set.of("org:isis", "country:IQ", "subdivision:IQ-AN", "city:IQ:baghdad",
                "person:mohammed-shia-al-sudani", "city:IQ:ain-al-asad-air-base", "org:global-coalition-against-isis",
                "country:SY");
        Set<String> arabic = seeds().stream().flatMap(a -> ids(a).stream()).collect(Collectors.toSet());
        assertTrue(arabic.containsAll(shared), () -> "seeds: " + arabic);
        for (String file : List.of("en-ain-al-asad.txt", "fr-ain-al-asad.txt")) {
            assertTrue(ids(BY_FILE.get(file)).containsAll(shared), () -> file + ": " + ids(BY_FILE.get(file)));
        }
        EnrichedArticle english = BY_FILE.get("en-ain-al-asad.txt");
        assertEquals("en", english.language().code());
        CanonicalEntity isis = entry(english, "org:isis");
        assertTrue(isis.aliases().containsAll(List.of("Islamic State group", "ISIS", "ISIL")), isis::toString);
        CanonicalEntity sudani = entry(english, "person:mohammed-shia-al-sudani");
        assertTrue(sudani.aliases().contains("Sudani") && sudani.mentions() == 3, sudani::toString);
        assertEquals("Mohammed Shia al-Sudani", sudani.name());
        EnrichedArticle french = BY_FILE.get("fr-ain-al-asad.txt");
        assertEquals("fr", french.language().code());
        CanonicalEntity daech = entry(french, "org:isis");
        assertTrue(daech.aliases().containsAll(List.of("groupe État islamique", "Daech")), daech::toString);
        assertEquals("Irak", entry(french, "country:IQ").name());
    }

    @Test
    void canonicalEntriesAreOrderedBySalienceAndMentionsPointAtThem() {
        for (EnrichedArticle article : BY_FILE.values()) {
            List<CanonicalEntity> entries = article.canonicalEntities();
            for (int i = 1; i < entries.size(); i++) {
                CanonicalEntity a = entries.get(i - 1);
                CanonicalEntity b = entries.get(i);
                assertTrue(a.mentions() > b.mentions() || a.mentions() == b.mentions() && a.firstOffset() <= b.firstOffset(),
                        () -> article.source().fileName() + ": " + a + " before " + b);
            }
            for (Entity e : article.entities()) {
                assertNotNull(e.canonical(), e::toString);
                CanonicalEntity entry = entries.get(e.canonical());
                assertTrue(entry.firstOffset() <= e.start(), () -> e + " -> " + entry);
            }
        }
    }

    @Test
    void seedsCarryNormalisedDatesAndQuantities() {
        EnrichedArticle first = BY_FILE.get("000_23d5bab61c0a11fb.txt");
        assertTrue(first.dates().stream().anyMatch(d -> d.text().equals("17 حزيران/يونيو 2024")
                && d.value().equals("2024-06-17") && !d.relative()), first.dates()::toString);
        assertTrue(first.quantities().stream().anyMatch(q -> q.text().equals("250 و350 مستشارا")
                && q.value().intValueExact() == 250 && q.upper().intValueExact() == 350 && q.unit().equals("مستشار")
                && q.kind().equals("count")), first.quantities()::toString);
        EnrichedArticle last = BY_FILE.get("004_989b01d71f21a984.txt");
        assertTrue(last.quantities().stream().anyMatch(q -> q.text().equals("600 مليون دولار")
                && q.value().longValueExact() == 600_000_000L && q.unit().equals("USD")), last.quantities()::toString);
        assertTrue(last.quantities().stream().anyMatch(q -> q.text().equals("80 في المائة") && q.unit().equals("%")));
        EnrichedArticle third = BY_FILE.get("003_3eeaabe22d5350fb.txt");
        assertTrue(third.dates().stream().anyMatch(d -> d.text().equals("يوم الخميس") && d.relative()
                && d.value().equals("2024-07-25")), third.dates()::toString);
        for (EnrichedArticle article : BY_FILE.values()) {
            int[] body = article.body().codePoints().toArray();
            article.dates().forEach(d -> assertEquals(d.text(), new String(body, d.start(), d.end() - d.start())));
            article.quantities().forEach(q -> assertEquals(q.text(), new String(body, q.start(), q.end() - q.start())));
        }
    }

    @Test
    void englishAndFrenchArticlesCarryNormalisedDatesAndQuantities() {
        EnrichedArticle english = BY_FILE.get("en-ain-al-asad.txt");
        assertEquals("2024-06-18", english.publishedAt());
        assertEquals(Map.of("yesterday", "2024-06-17", "Monday", "2024-06-17", "17 June 2024", "2024-06-17",
                "next month", "2024-07", "last year", "2023"), values(english.dates()));
        assertEquals(Map.of("250 and 350 advisers", "250-350 advisers", "2,400 troops", "2400 troops",
                "$1.2bn", "1200000000 USD", "15%", "15 %", "three years", "3 year"), quantities(english.quantities()));
        EnrichedArticle french = BY_FILE.get("fr-ain-al-asad.txt");
        assertEquals("2024-06-18", french.publishedAt());
        assertEquals(Map.of("lundi", "2024-06-17", "hier", "2024-06-17", "l'an dernier", "2023",
                "17 juin 2024", "2024-06-17", "Mardi dernier", "2024-06-11"), values(french.dates()));
        assertEquals(Map.of("250 et 350 conseillers", "250-350 conseillers", "2 400 soldats", "2400 soldats",
                "3 millions d'euros", "3000000 EUR", "15 %", "15 %"), quantities(french.quantities()));
    }

    private static Map<String, String> values(List<DateExpression> dates) {
        Map<String, String> out = new LinkedHashMap<>();
        dates.stream().filter(d -> !d.value().startsWith("2024-06-18") || !d.text().startsWith("June 18"))
                .filter(d -> !d.text().equals("18 juin 2024"))
                .forEach(d -> out.put(d.text(), d.value()));
        return out;
    }

    private static Map<String, String> quantities(List<Quantity> quantities) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Quantity q : quantities) {
            String value = q.value().toPlainString() + (q.upper() == null ? "" : "-" + q.upper().toPlainString());
            out.put(q.text(), value + " " + q.unit());
        }
        return out;
    }

    private static List<EnrichedArticle> seeds() {
        return BY_FILE.values().stream().filter(a -> a.source().fileName().matches("\\d{3}_.*")).toList();
    }

    private static Set<String> ids(EnrichedArticle article) {
        return article.canonicalEntities().stream().map(CanonicalEntity::id).filter(id -> id != null)
                .collect(Collectors.toSet());
    }

    private static CanonicalEntity entry(EnrichedArticle article, String id) {
        return article.canonicalEntities().stream().filter(c -> id.equals(c.id())).findFirst()
                .orElseThrow(() -> new AssertionError(article.source().fileName() + " has no " + id + ": "
                        + article.canonicalEntities()));
    }
}
