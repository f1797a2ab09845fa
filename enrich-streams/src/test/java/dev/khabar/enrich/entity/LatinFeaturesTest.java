package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LatinFeaturesTest {

    private final LatinFeatures features = new LatinFeatures(Gazetteer.standard(), WordClusters.NONE, Map.of(), 18);

    @Test
    void describesWordShapes() {
        assertEquals("Xxx3", LatinFeatures.shape("Biden"));
        assertEquals("XX2", LatinFeatures.shape("NATO"));
        assertEquals("dd2", LatinFeatures.shape("2024"));
        assertEquals("X.X.2", LatinFeatures.shape("U.S."));
        assertEquals("XxXx", LatinFeatures.shortShape("McDonald"));
        assertEquals("x-Xx", LatinFeatures.shortShape("anti-Trump"));
    }

    @Test
    void givesEveryTokenItsFeatureBucketsWithinRange() {
        List<Token> tokens = Tokenizer.tokenize("Le président Emmanuel Macron a reçu M. Scholz à Paris.");
        int[][] f = features.features(tokens);
        assertEquals(tokens.size(), f.length);
        for (int[] row : f) {
            assertTrue(row.length >= 25, () -> row.length + " features");
            for (int bucket : row) {
                assertTrue(bucket >= 0 && bucket < 1 << 18);
            }
        }
    }

    @Test
    void readsAHeadlineInCapitalsDifferentlyFromAName() {
        int[] inHeadline = features.features(Tokenizer.tokenize("BIDEN MEETS NATO CHIEFS IN BRUSSELS"))[1];
        int[] inProse = features.features(Tokenizer.tokenize("Officials said MEETS was an acronym here"))[2];
        assertEquals(inHeadline[1], inProse[1]);  // the lower-cased word
        assertNotEquals(inHeadline[2], inProse[2]);  // the word as written is read lower-cased in a headline
        assertNotEquals(inHeadline[3], inProse[3]);  // and its shape is not taken as an acronym's
    }

    @Test
    void endsSentencesAtFullStopsButNotAfterTitlesOrInitials() {
        String text = "Mr. Smith met U.S. officials. M. Dupont est arrivé. Then 3.5 million left! "
                + "They flew to Sault Ste. Marie today.";
        List<Token> tokens = Tokenizer.tokenize(text);
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (LatinRecognizer.endsSentence(text, tokens, i)) {
                ends.add(tokens.get(i - 1).text());
            }
        }
        assertEquals(List.of("officials", "arrivé", "left", "today"), ends);
    }

    @Test
    void readsUniversalNerColumnsCommentsAndRunningText() throws Exception {
        String uner = "# newdoc id = n01001\n# sent_id = n01001-0001\n# text = Obama spoke in Paris\n"
                + "1\tObama\tB-PER\t-\tann\n2\tspoke\tO\t-\t-\n3\tin\tO\t-\t-\n4\tParis\tB-LOC\t-\tann\n\n";
        List<ConllCorpus.Sentence> read = ConllCorpus.read(new BufferedReader(new StringReader(uner)), ConllCorpus.LATIN);
        assertEquals(1, read.size());
        assertEquals("Obama spoke in Paris", read.get(0).text());
        assertEquals(List.of("B-PERSON", "O", "O", "B-LOCATION"), read.get(0).tags());

        String running = "Le O\nmaire O\nde O\nRennes I-LOC\n. O\nM. I-PER\nDurand I-PER\nparle O\n. O\n";
        List<ConllCorpus.Sentence> cut = ConllCorpus.read(new BufferedReader(new StringReader(running)), ConllCorpus.LATIN);
        assertEquals(List.of("Le maire de Rennes .", "M. Durand parle ."), cut.stream().map(ConllCorpus.Sentence::text).toList());
        assertEquals(List.of("B-PERSON", "I-PERSON", "O", "O"), cut.get(1).tags());

        String tweets = "#\tO\nLondon\tB-LOC\n\n@bbc\tB-ORG\nrocks\tO\n\n";
        assertEquals(2, ConllCorpus.read(new BufferedReader(new StringReader(tweets)), ConllCorpus.LATIN).size());
    }

    @Test
    void mapsTheSetsFineTypesToFourTypes() {
        assertEquals("PERSON", ConllCorpus.LATIN.apply("politician"));
        assertEquals("ORGANIZATION", ConllCorpus.LATIN.apply("Organisation"));
        assertEquals("ORGANIZATION", ConllCorpus.LATIN.apply("corporation"));
        assertEquals("LOCATION", ConllCorpus.LATIN.apply("country"));
        assertEquals("MISC", ConllCorpus.LATIN.apply("Nationality"));
        assertEquals("MISC", ConllCorpus.LATIN.apply("creative-work"));
        assertEquals(null, ConllCorpus.LATIN.apply("Temporal"));
        assertFalse(ConllCorpus.LATIN.apply("musicgenre") != null);
    }
}
