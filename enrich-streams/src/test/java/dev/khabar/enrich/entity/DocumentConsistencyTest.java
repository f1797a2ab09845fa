package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DocumentConsistencyTest {

    private static final int PERSON = 0;
    private static final int ORGANIZATION = 1;
    private static final int LOCATION = 2;

    private static List<Token> tokens;
    private static Clitics.Split[] splits;

    private static List<ModelRecognizer.Mention> apply(String text, List<ModelRecognizer.Mention> mentions) {
        tokens = Tokenizer.tokenize(text);
        Clitics clitics = new Clitics(Map.of("داعش", 5));
        splits = tokens.stream().map(t -> clitics.split(t.norm())).toArray(Clitics.Split[]::new);
        return DocumentConsistency.apply(tokens, splits, mentions).stream()
                .sorted(Comparator.comparingInt(ModelRecognizer.Mention::first)).toList();
    }

    private static ModelRecognizer.Mention model(int first, int last, int type, double confidence) {
        return new ModelRecognizer.Mention(first, last, type, confidence, "model", 0);
    }

    @Test
    void tailOfALongerNameWrittenInFullTakesItsExtentAndType() {
        // 0 قصفت 1 قاعدة 2 عين 3 الأسد 4 . 5 وتقع 6 عين 7 الأسد 8 غربا
        List<ModelRecognizer.Mention> result = apply("قصفت قاعدة عين الأسد. وتقع عين الأسد غربا", List.of(
                new ModelRecognizer.Mention(2, 3, LOCATION, 0.75, "rule", 0), model(7, 7, PERSON, 0.7)));
        assertEquals(2, result.size());
        assertEquals(List.of(6, 7, LOCATION), List.of(result.get(1).first(), result.get(1).last(), result.get(1).type()));
    }

    @Test
    void loneTailWithoutTheRestOfTheNameKeepsItsOwnReading() {
        List<ModelRecognizer.Mention> result = apply("قصفت قاعدة عين الأسد. وقال الأسد", List.of(
                new ModelRecognizer.Mention(2, 3, LOCATION, 0.75, "rule", 0), model(6, 6, PERSON, 0.95)));
        assertEquals(List.of(6, 6, PERSON), List.of(result.get(1).first(), result.get(1).last(), result.get(1).type()));
    }

    @Test
    void lessConfidentMentionTakesTheTypeOfTheConfidentOne() {
        // 0 هاجم 1 داعش 2 القرية 3 . 4 وقال 5 داعش 6 إنه
        List<ModelRecognizer.Mention> result = apply("هاجم داعش القرية. وقال داعش إنه", List.of(
                model(1, 1, ORGANIZATION, 0.97), model(5, 5, PERSON, 0.55)));
        assertEquals(ORGANIZATION, result.get(1).type());
    }

    @Test
    void confidentMentionsKeepTheirOwnType() {
        List<ModelRecognizer.Mention> result = apply("هاجم داعش القرية. وقال داعش إنه", List.of(
                model(1, 1, ORGANIZATION, 0.97), model(5, 5, PERSON, 0.95)));
        assertEquals(PERSON, result.get(1).type());
    }

    @Test
    void untaggedOccurrenceOfAConfidentNameIsTaggedWithoutItsCliticPrefix() {
        // 0 هاجم 1 داعش 2 القرية 3 . 4 وتبنى 5 لداعش 6 الهجوم
        List<ModelRecognizer.Mention> result = apply("هاجم داعش القرية. وتبنى لداعش الهجوم", List.of(
                model(1, 1, ORGANIZATION, 0.97)));
        assertEquals(2, result.size());
        ModelRecognizer.Mention added = result.get(1);
        assertEquals(List.of(5, 5, ORGANIZATION, 1), List.of(added.first(), added.last(), added.type(),
                added.prefixLength()));
    }

    @Test
    void aBareFacilityNameFoundByRuleIsSpreadButADefiniteOneIsNot() {
        // 0 نقلوا 1 إلى 2 سجن 3 صيدنايا 4 . 5 وقال 6 إن 7 صيدنايا 8 مكتظ
        List<ModelRecognizer.Mention> bare = apply("نقلوا إلى سجن صيدنايا. وقال إن صيدنايا مكتظ", List.of(
                new ModelRecognizer.Mention(3, 3, LOCATION, 0.75, "rule", 0)));
        assertEquals(List.of(3, 7), bare.stream().map(ModelRecognizer.Mention::first).toList());
        // 0 زار 1 معسكر 2 الأرمن 3 . 4 وقال 5 إن 6 الأرمن 7 لجأوا: the Armenians' camp; the Armenians are not a place
        List<ModelRecognizer.Mention> definite = apply("زار معسكر الأرمن. وقال إن الأرمن لجأوا", List.of(
                new ModelRecognizer.Mention(2, 2, LOCATION, 0.75, "rule", 0)));
        assertEquals(List.of(2), definite.stream().map(ModelRecognizer.Mention::first).toList());
    }

    @Test
    void theNameAliDoesNotSpreadToThePrepositionOn() {
        // 0 قال 1 علي 2 إنه 3 وقف 4 على 5 الباب 6 . 7 ثم 8 عاد 9 علي: matching folds ى into ي
        List<ModelRecognizer.Mention> result = apply("قال علي إنه وقف على الباب. ثم عاد علي", List.of(
                model(1, 1, PERSON, 0.95)));
        assertEquals(List.of(1, 9), result.stream().map(ModelRecognizer.Mention::first).toList());
    }

    @Test
    void aLonePrepositionWrittenWithAlefMaqsuraIsNotAName() {
        List<Token> words = Tokenizer.tokenize("وقف على الباب مع علي");
        assertTrue(ModelRecognizer.preposition(words, 1, 1));
        assertFalse(ModelRecognizer.preposition(words, 4, 4));
        assertFalse(ModelRecognizer.preposition(words, 1, 2));
    }

    @Test
    void unsureNamesAreNotSpread() {
        List<ModelRecognizer.Mention> result = apply("هاجم داعش القرية. وتبنى داعش الهجوم", List.of(
                model(1, 1, ORGANIZATION, 0.6)));
        assertEquals(1, result.size());
    }
}
