package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
    void aMentionStartDoesNotCutANameThePlainSplitCuts() {
        // counts as the training text might give them: the common word left after the clitic outnumbers the name
        Clitics named = new Clitics(Map.of("يصل", 40, "فيصل", 10, "يد", 30, "وليد", 5, "اريس", 2, "باريس", 50,
                "ريس", 3, "ورد", 60, "ايران", 80, "العاده", 20),
                Set.of("باريس", "اريس", "ايران", "كاليفورنيا"), Set.of("فيصل", "وليد", "ورد"));
        for (String word : List.of("فيصل", "وليد", "كاليفورنيا", "كريس", "فورد")) {
            Clitics.Split plain = named.split(word);
            assertTrue(plain.prefixLength() > 0, word);  // what the tagger's features read, as in training
            assertEquals(new Clitics.Split(0, word), named.boundary(word, plain), word);
        }
        assertEquals(new Clitics.Split(1, "باريس"), named.boundary("وباريس", named.split("وباريس")));
        assertEquals(new Clitics.Split(1, "ايران"), named.boundary("فايران", named.split("فايران")));
        assertEquals(new Clitics.Split(1, "العاده"), named.boundary("كالعاده", named.split("كالعاده")));
    }

    @Test
    void theBundledRecogniserKeepsNamesWholeAfterTheirFirstLetterReadsAsAClitic() {
        String text = "وأكد الأمير فيصل بن خالد أن كوفي عنان زار ولاية كاليفورنيا ثم لندن وباريس.";
        List<String> mentions = EntityRecognizer.standard().recognize(text, "ar").stream().map(Entity::text).toList();
        assertTrue(mentions.containsAll(List.of("فيصل بن خالد", "كوفي عنان", "كاليفورنيا", "باريس")),
                mentions::toString);
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

    @Test
    void gazetteerReadsLamLamAsTheArticleNotTwoClitics() {
        EntityRecognizer recognizer = new GazetteerRecognizer(Gazetteer.standard());
        String text = "افتتحت 19 كلية للبنين في المملكة، وشاركت نيجيريا وتشاد وبنين في القوة، ووصل الوفد للعراق.";
        List<Entity> entities = recognizer.recognize(text, "ar");
        assertEquals(List.of("نيجيريا", "تشاد", "بنين", "للعراق"), entities.stream().map(Entity::text).toList());
        assertEquals(text.indexOf("وبنين") + 1, entities.get(2).start());  // the country, not للبنين "for boys"
    }

    @Test
    void gazetteerKeepsNoSubdivisionNamedOnlyWithGenericWords() {
        // "the central area of the Haram" is not Eritrea's Maekel; the Northern Borders region is named in full
        EntityRecognizer recognizer = new GazetteerRecognizer(Gazetteer.standard());
        assertEquals(List.of(), recognizer.recognize("توجه الوفد إلى المنطقة المركزية للحرم المكي.", "ar"));
        assertEquals(List.of("منطقة الحدود الشمالية"), recognizer.recognize("وصل أمير منطقة الحدود الشمالية أمس.", "ar")
                .stream().map(Entity::text).toList());
    }

    @Test
    void anAcronymSpelledWithDotsIsOneMentionNotItsLetters() {
        // the FBI and OCI NV, which were read as the "letters" بي and سي
        String text = "وقالت وزارة العدل إن مكتب التحقيقات الاتحادي (إف.بي.آي) قاد التحقيق. وارتفع سهم أو.سي.آي إن.في"
                + " للكيماويات المدرجة في بورصة أمستردام. وقال د.حسن المومني إن السوق تعافت.";
        List<Entity> entities = EntityRecognizer.standard().recognize(text, "ar");
        assertHas(entities, text, "إف.بي.آي", "ORGANIZATION");
        assertHas(entities, text, "أو.سي.آي إن.في", "ORGANIZATION");
        assertHas(entities, text, "حسن المومني", "PERSON");  // د. is "Dr."
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
