package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

/** The pipeline's recogniser on the five Arabic seed articles of the repository. */
class SeedEntitiesTest {

    private static final List<String> TEXTS = new ArrayList<>();
    private static final List<List<Entity>> FOUND = new ArrayList<>();

    @BeforeAll
    static void recognise() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                TEXTS.add(text);
                FOUND.add(EntityRecognizer.standard().recognize(text, "ar"));
            }
        }
        assertEquals(5, TEXTS.size());
    }

    @Test
    void findsPeopleOfTheSeeds() {
        for (String name : List.of("محمد شياع السوداني", "طارق الشمري", "لويد أوستن")) {
            assertFoundAs(name, "PERSON");
        }
    }

    @Test
    void findsPlacesOfTheSeeds() {
        for (String name : List.of("عين الأسد", "الأنبار", "التنف", "أربيل")) {
            assertFoundAs(name, "LOCATION");
        }
    }

    @Test
    void findsOrganisationsOfTheSeeds() {
        for (String name : List.of("داعش", "التحالف الدولي")) {
            assertFoundAs(name, "ORGANIZATION");
        }
    }

    @Test
    void bareAynAlAsadIsThePlaceWhereTheArticleNamesTheBase() {
        String name = "عين الأسد";
        int bare = 0;
        for (Occurrence o : occurrences(name)) {
            String whole = TEXTS.get(o.seed());
            List<Entity> overlapping = o.overlapping();
            assertTrue(overlapping.stream().noneMatch(e -> e.type().equals("PERSON")),
                    "person inside '" + name + "' at " + o.start() + " of seed " + o.seed() + ": " + overlapping);
            if (whole.contains("قاعدة " + name)) {
                bare += whole.startsWith("قاعدة ", Math.max(0, o.at() - 6)) ? 0 : 1;
                assertTrue(overlapping.stream().anyMatch(e -> e.start() == o.start() && e.end() == o.end()
                        && e.type().equals("LOCATION")), "'" + name + "' at " + o.start() + " of seed " + o.seed()
                        + " is not a LOCATION: " + overlapping);
            }
        }
        assertTrue(bare >= 3, "bare occurrences checked: " + bare);
    }

    @Test
    void nisbaAdjectiveIsNotAPerson() {
        for (List<Entity> entities : FOUND) {
            for (Entity e : entities) {
                assertFalse(e.type().equals("PERSON") && e.text().matches("[وفبل]?أمني"), () -> "adjective as person: " + e);
            }
        }
    }

    @Test
    void coordinatedAdjectivesAreNotAPerson() {
        List<Occurrence> found = occurrences("لوجستي واستخباري");
        assertEquals(1, found.size());
        assertEquals(List.of(), found.get(0).overlapping(), "adjectives as a mention");
    }

    @Test
    void aGovernoratesDirectionalAdjectiveIsNotPartOfItsName() {
        List<Occurrence> found = occurrences("بمحافظة الأنبار الغربية");
        assertEquals(1, found.size());
        Occurrence o = found.get(0);
        int start = o.start() + "بمحافظة ".length();
        assertTrue(FOUND.get(o.seed()).stream().anyMatch(e -> e.start() == start && e.text().equals("الأنبار")
                && e.type().equals("LOCATION")), () -> "seed mentions: " + FOUND);
    }

    @Test
    void noMentionCutsAWordInTwo() {
        for (int d = 0; d < TEXTS.size(); d++) {
            int[] text = TEXTS.get(d).codePoints().toArray();
            for (Entity e : FOUND.get(d)) {
                assertEquals(e.text(), new String(text, e.start(), e.end() - e.start()), "offsets of " + e);
                assertFalse(e.end() < text.length && Tokenizer.isWordPart(text[e.end()]), () -> "cut after " + e);
                int wordStart = e.start();
                while (wordStart > 0 && Tokenizer.isWordPart(text[wordStart - 1])) {
                    wordStart--;
                }
                String before = new String(text, wordStart, e.start() - wordStart);
                assertTrue(before.length() <= 2 && before.chars().allMatch(c -> "وفبكل".indexOf(c) >= 0),
                        () -> "cut before " + e + " (word starts with '" + before + "')");
            }
        }
    }

    /** One occurrence of a phrase in a seed: the seed, its char index, and its code-point start and end. */
    private record Occurrence(int seed, int at, int start, int end) {

        List<Entity> overlapping() {
            return FOUND.get(seed).stream().filter(e -> e.start() < end && start < e.end()).toList();
        }
    }

    private static List<Occurrence> occurrences(String phrase) {
        List<Occurrence> found = new ArrayList<>();
        for (int d = 0; d < TEXTS.size(); d++) {
            String whole = TEXTS.get(d);
            for (int at = whole.indexOf(phrase); at >= 0; at = whole.indexOf(phrase, at + 1)) {
                int start = whole.codePointCount(0, at);
                found.add(new Occurrence(d, at, start, start + phrase.codePointCount(0, phrase.length())));
            }
        }
        return found;
    }

    private static void assertFoundAs(String name, String type) {
        List<String> types = new ArrayList<>();
        FOUND.forEach(entities -> entities.stream().filter(e -> e.text().equals(name)).forEach(e -> types.add(e.type())));
        assertFalse(types.isEmpty(), () -> "'" + name + "' not found");
        long right = types.stream().filter(type::equals).count();
        assertTrue(2 * right > types.size(), () -> "'" + name + "' found as " + types + ", expected mostly " + type);
    }
}
