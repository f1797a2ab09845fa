package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class NerEvaluationTest {

    /** Answers from a fixed list of (mention, type), wherever the mention occurs. */
    private static EntityRecognizer answering(Map<String, String> answers) {
        return new EntityRecognizer() {
            @Override
            public List<Entity> recognize(String text, String language) {
                List<Entity> found = new ArrayList<>();
                answers.forEach((mention, type) -> {
                    int at = text.indexOf(mention);
                    if (at >= 0) {
                        int start = text.codePointCount(0, at);
                        found.add(new Entity(mention, type, start, start + mention.codePointCount(0, mention.length()),
                                1, "rule"));
                    }
                });
                return found;
            }

            @Override
            public String version() {
                return "fixed";
            }
        };
    }

    private static List<ConllCorpus.Sentence> fixture() throws Exception {
        return ConllCorpus.read(Path.of(NerEvaluationTest.class.getResource("/ner/eval-fixture.conll").toURI()),
                ConllCorpus.COARSE);
    }

    @Test
    void readsIob1WithLanguagePrefixesAndDocstart() throws Exception {
        List<ConllCorpus.Sentence> sentences = fixture();
        assertEquals(2, sentences.size());
        assertEquals("زار أحمد سالم مدينة بيروت مع وفد الأمم المتحدة .", sentences.get(0).text());
        assertEquals(List.of("O", "B-PERSON", "I-PERSON", "O", "B-LOCATION", "O", "O", "B-ORGANIZATION",
                "I-ORGANIZATION", "O"), sentences.get(0).tags());
        assertEquals("B-PERSON", sentences.get(1).tags().get(1));
    }

    @Test
    void scoresExactEntityMatchesPerType() throws Exception {
        EntityRecognizer recognizer = answering(Map.of("أحمد سالم", "PERSON", "بيروت", "ORGANIZATION",
                "الأمم", "ORGANIZATION", "سمير ناصر", "PERSON", "تونس", "LOCATION"));
        NerEvaluation.Scores scores = NerEvaluation.evaluate(recognizer, fixture(), "ar");
        assertEquals(0.6, scores.precision("ALL"), 1e-9);
        assertEquals(0.6, scores.recall("ALL"), 1e-9);
        assertEquals(1.0, scores.f1("PERSON"), 1e-9);
        assertEquals(1.0, scores.precision("LOCATION"), 1e-9);
        assertEquals(0.5, scores.recall("LOCATION"), 1e-9);
        assertEquals(0.0, scores.f1("ORGANIZATION"), 1e-9);
        String json = scores.json("ar", 2);
        assertTrue(json.startsWith("{\"task\":\"ner\",\"lang\":\"ar\",\"sentences\":2,\"precision\":0.6000,"), json);
        assertTrue(json.contains("\"LOCATION\":{\"precision\":1.0000,\"recall\":0.5000,\"f1\":0.6667}"), json);
        assertTrue(!json.contains("MISC"), "MISC counts only where the gold file has it: " + json);
    }

    @Test
    void mapsMentionWithoutCliticBackToWholeGoldToken() throws Exception {
        List<ConllCorpus.Sentence> sentences = List.of(new ConllCorpus.Sentence(List.of("قصف", "بالعراق", "."),
                List.of("O", "B-LOCATION", "O")));
        NerEvaluation.Scores scores = NerEvaluation.evaluate(answering(Map.of("العراق", "LOCATION")), sentences, "ar");
        assertEquals(1.0, scores.f1("ALL"), 1e-9);
    }

    @Test
    void trimsMentionAnnotationToNames() {
        ConllCorpus.Sentence mentions = new ConllCorpus.Sentence(
                List.of("We", "told", "the", "Government", "of", "Iraq", "that", "Iraqi", "security", "forces", "and",
                        "ISIL", "tactical", "units", "met", "Minister", "Tobias", "Ellwood", "in", "the", "city", "."),
                List.of("B-ORGANIZATION", "O", "B-ORGANIZATION", "I-ORGANIZATION", "I-ORGANIZATION", "I-ORGANIZATION",
                        "O", "B-ORGANIZATION", "I-ORGANIZATION", "I-ORGANIZATION", "O", "B-ORGANIZATION",
                        "I-ORGANIZATION", "I-ORGANIZATION", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O",
                        "B-LOCATION", "I-LOCATION", "O"));
        assertEquals(List.of("O", "O", "O", "B-ORGANIZATION", "I-ORGANIZATION", "I-ORGANIZATION", "O", "O", "O", "O",
                "O", "B-ORGANIZATION", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"),
                ConllCorpus.namesOnly(mentions).tags());
    }

    @Test
    void slicesSentencesByFraction() {
        List<ConllCorpus.Sentence> six = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            six.add(new ConllCorpus.Sentence(List.of("w" + i), List.of("O")));
        }
        assertEquals(List.of("w10", "w11"), ConllCorpus.slice(six, ConllCorpus.fraction("5/6"), 1).stream()
                .map(ConllCorpus.Sentence::text).toList());
    }
}
