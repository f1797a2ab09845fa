package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ibm.icu.lang.UScript;

class NgramScorerTest {

    private static final double BACKOFF = -1.0;
    private static final double FLOOR = -10.0;

    private static NgramScorer scorer;

    /** xx and yy are written in Latin, zz in Cyrillic; zz shares the bigram "ab" with xx. */
    @BeforeAll
    static void buildModel() throws IOException {
        TreeMap<String, short[]> table = new TreeMap<>();
        table.put("a", new short[] {posting(0, 0.5), posting(1, 0.25)});
        table.put("ab", new short[] {posting(0, 0.9), posting(2, 0.8)});
        table.put("b", new short[] {posting(0, 0.3), posting(1, 0.2)});
        NgramModel.Calibration calibration = new NgramModel.Calibration(BACKOFF, FLOOR, new double[3], 0, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NgramModel.write(out, "test", List.of("xx", "yy", "zz"), List.of("Latn", "Latn", "Cyrl"), calibration, table);
        scorer = new NgramScorer(NgramModel.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void scoresEachLetterByTheLongestNgramEachCandidateHasWithABackoffPenalty() {
        NgramScorer.Scores scores = scorer.score("ab", 100);

        assertEquals(UScript.LATIN, scores.script());
        assertArrayEquals(new int[] {0, 1}, scores.languages());
        // b: xx has "ab"; the Cyrillic zz also has it but is no candidate, so yy still backs off to "b"
        assertEquals(logP(0.5) + logP(0.9), scores.logLikelihoods()[0], 1e-9);
        assertEquals(logP(0.25) + logP(0.2) + BACKOFF, scores.logLikelihoods()[1], 1e-9);
    }

    @Test
    void givesTheFloorToLettersNoCandidateHasSeenAndRestartsAtEachWord() {
        NgramScorer.Scores scores = scorer.score("c b", 100);

        assertEquals(FLOOR + logP(0.3), scores.logLikelihoods()[0], 1e-9);
        assertEquals(FLOOR + logP(0.2), scores.logLikelihoods()[1], 1e-9);
        assertEquals(2, scores.letters());
    }

    private static double logP(double p) {
        return -NgramModel.quantize(Math.log(p)) / NgramModel.Q_SCALE;
    }

    private static short posting(int language, double p) {
        return (short) ((language << 8) | NgramModel.quantize(Math.log(p)));
    }
}
