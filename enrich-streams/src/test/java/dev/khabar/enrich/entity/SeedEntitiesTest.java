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

    private static void assertFoundAs(String name, String type) {
        List<String> types = new ArrayList<>();
        FOUND.forEach(entities -> entities.stream().filter(e -> e.text().equals(name)).forEach(e -> types.add(e.type())));
        assertFalse(types.isEmpty(), () -> "'" + name + "' not found");
        long right = types.stream().filter(type::equals).count();
        assertTrue(2 * right > types.size(), () -> "'" + name + "' found as " + types + ", expected mostly " + type);
    }
}
