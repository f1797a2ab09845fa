package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class LatinRunsTest {

    /** Finds every word in capitals (English) or the one Arabic name given, and records what it was asked to read. */
    private static final class Fixed implements EntityRecognizer {
        final List<String> read = new ArrayList<>();
        private final List<Entity> mentions;

        Fixed(List<Entity> mentions) {
            this.mentions = mentions;
        }

        @Override
        public List<Entity> recognize(String text, String language) {
            read.add(text);
            return mentions;
        }

        @Override
        public String version() {
            return "fixed";
        }
    }

    @Test
    void readsEachRunOfLatinWordsNoArabicMentionTouchesAndMovesItsOffsets() {
        String text = "قالت BBC إن جامعة Aston University (Birmingham) ستفتح فرعا في قطر";
        int qatar = text.codePointCount(0, text.indexOf("قطر"));
        Fixed arabic = new Fixed(List.of(new Entity("قطر", "LOCATION", qatar, qatar + 3, 0.9, "model")));
        Fixed english = new Fixed(List.of(new Entity("X", "ORGANIZATION", 0, 1, 0.8, "model")));
        List<Entity> found = new LatinRuns(arabic, english, "en").recognize(text, "ar");
        assertEquals(List.of("BBC", "Aston University", "Birmingham"), english.read);
        assertEquals(List.of(at(text, "BBC"), at(text, "Aston"), at(text, "Birmingham"), qatar),
                found.stream().map(Entity::start).toList());
    }

    @Test
    void leavesARunAnArabicMentionTouchesToTheArabicTagger() {
        String text = "شركة Apple Inc الأمريكية";
        Fixed arabic = new Fixed(List.of(new Entity("شركة Apple", "ORGANIZATION", 0, 10, 0.9, "model")));
        Fixed english = new Fixed(List.of());
        assertEquals(arabic.mentions, new LatinRuns(arabic, english, "en").recognize(text, "ar"));
        assertTrue(english.read.isEmpty());
    }

    @Test
    void skipsWebAddressesAndKeepsAPersonOnlyAfterAListedGivenName() {
        String text = "احجز عبر www.emirates.com وجرّب Kopi Luwak مع Lewis Carroll";
        Fixed arabic = new Fixed(List.of());
        EntityRecognizer english = new EntityRecognizer() {
            @Override
            public List<Entity> recognize(String run, String language) {
                return List.of(new Entity(run, "PERSON", 0, run.length(), 0.99, "model"));
            }

            @Override
            public String version() {
                return "people";
            }
        };
        List<Entity> found = new LatinRuns(arabic, english, "en").recognize(text, "ar");
        assertEquals(List.of("Lewis Carroll"), found.stream().map(Entity::text).toList());
    }

    @Test
    void findsLatinNamesInArabicTextWithTheBundledModels() {
        String text = "وقالت هيئة الإذاعة البريطانية BBC إن طلابا من Aston University زاروا الدوحة.";
        List<Entity> found = EntityRecognizer.standard().recognize(text, "ar");
        ArabicTokenizationTest.assertHas(found, text, "BBC", "ORGANIZATION");
        ArabicTokenizationTest.assertHas(found, text, "Aston University", "ORGANIZATION");
        LatinNewsEntitiesTest.assertOffsetsAreCodePoints(found, text);
    }

    private static int at(String text, String part) {
        return text.codePointCount(0, text.indexOf(part));
    }
}
