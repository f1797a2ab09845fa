package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class ArabicTokenizationTest {

    private final Clitics clitics = new Clitics(Map.of("داعش", 3, "واشنطن", 5, "عراق", 1));

    @Test
    void splitsConjunctionAndPrepositionBeforeArticle() {
        assertEquals(new Clitics.Split(2, "العراق"), clitics.split("وبالعراق"));
    }

    @Test
    void splitsKnownWordAfterPreposition() {
        assertEquals(new Clitics.Split(1, "داعش"), clitics.split("لداعش"));
        assertEquals(new Clitics.Split(1, "العراق"), clitics.split("بالعراق"));
        assertEquals(new Clitics.Split(1, "الولايات"), clitics.split("والولايات"));
    }

    @Test
    void restoresArticleAfterLamLam() {
        assertEquals(new Clitics.Split(1, "الامم", true), clitics.split("للامم"));
        assertEquals(0, clitics.split("للامم").visiblePrefixLength());
    }

    @Test
    void doesNotCutWordWhoseRemainderIsUnknown() {
        assertEquals(new Clitics.Split(0, "واشنطن"), clitics.split("واشنطن"));
        assertEquals(new Clitics.Split(0, "بغداد"), new Clitics(Map.of()).split("بغداد"));
    }

    @Test
    void normalisesLetterVariantsAndStripsTashkeel() {
        assertEquals("الامم المتحده", ArabicText.normalize("الأُمَم المتحدة"));
        assertEquals("مصطفي", ArabicText.normalize("مصطـفى"));
    }

    @Test
    void tokenOffsetsAreCodePointsIntoTheOriginalText() {
        String text = "\uD83D\uDCF0 قالَ (رويترز): وصل «الوفد» إلى بغداد.";
        List<Token> tokens = Tokenizer.tokenize(text);
        for (Token token : tokens) {
            int from = text.offsetByCodePoints(0, token.start());
            int to = text.offsetByCodePoints(0, token.end());
            assertEquals(token.text(), text.substring(from, to));
        }
        assertTrue(tokens.stream().anyMatch(t -> t.text().equals("رويترز")));
        assertTrue(tokens.stream().anyMatch(t -> t.text().equals("«")));
        assertEquals("قال", tokens.get(1).norm());
    }

    @Test
    void gazetteerFindsNamesBehindCliticsWithoutCuttingWords() {
        EntityRecognizer recognizer = new GazetteerRecognizer(Gazetteer.standard());
        String text = "\uD83D\uDCF0 تقرير: ضربات جوية بالعراق ضد لداعش، ووفد من والولايات المتحدة زار واشنطن.";
        List<Entity> entities = recognizer.recognize(text, "ar");
        assertHas(entities, text, "العراق", "LOCATION");
        assertHas(entities, text, "داعش", "ORGANIZATION");
        assertHas(entities, text, "الولايات المتحدة", "LOCATION");
        assertHas(entities, text, "واشنطن", "LOCATION");
        for (Entity e : entities) {
            assertEquals(e.text(), codePoints(text, e.start(), e.end()));
        }
    }

    static void assertHas(List<Entity> entities, String text, String mention, String type) {
        assertTrue(entities.stream().anyMatch(e -> e.text().equals(mention) && e.type().equals(type)),
                () -> "no " + type + " '" + mention + "' in " + entities);
    }

    static String codePoints(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }
}
