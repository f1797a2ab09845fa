package dev.khabar.enrich.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MinHasherTest {

    private final DedupSettings settings = DedupSettings.defaults();
    private final MinHasher hasher = new MinHasher(settings);

    private static String words(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("w" + i);
        }
        return String.join(" ", out);
    }

    @Test
    void identicalBodiesGiveIdenticalSignaturesAndBands() {
        int[] a = hasher.signature(hasher.shingles(words(0, 200)));
        int[] b = hasher.signature(hasher.shingles(words(0, 200)));
        assertArrayEquals(a, b);
        assertArrayEquals(hasher.bandKeys(a), hasher.bandKeys(b));
        assertEquals(settings.bands(), hasher.bandKeys(a).length);
    }

    @Test
    void shinglesAreDistinctWordRunsOfTheConfiguredSize() {
        assertEquals(197, hasher.shingles(words(0, 200)).length);
        assertEquals(1, hasher.shingles("too short").length);
        assertEquals(0, hasher.shingles("").length);
    }

    @Test
    void estimatesJaccardWithinSamplingError() {
        for (int overlap : new int[] {50, 100, 150, 190}) {
            long[] a = hasher.shingles(words(0, 200));
            long[] b = hasher.shingles(words(200 - overlap, 400 - overlap));
            double truth = DedupEval.trueJaccard(a, b);
            double estimate = MinHasher.jaccard(hasher.signature(a), hasher.signature(b));
            assertEquals(truth, estimate, 0.15, "overlap " + overlap);
        }
    }

    @Test
    void unrelatedBodiesShareAlmostNoSignaturePositions() {
        double estimate = MinHasher.jaccard(hasher.signature(hasher.shingles(words(0, 300))),
                hasher.signature(hasher.shingles(words(1000, 1300))));
        assertTrue(estimate < 0.05, "estimate " + estimate);
    }

    @Test
    void containmentOfATrimmedCopyIsNearOne() {
        long[] original = hasher.shingles(words(0, 400));
        long[] trimmed = hasher.shingles(words(0, 150));
        double jaccard = MinHasher.jaccard(hasher.signature(original), hasher.signature(trimmed));
        assertTrue(jaccard < settings.jaccardThreshold(), "jaccard " + jaccard);
        assertTrue(MinHasher.containment(jaccard, trimmed.length, original.length) >= settings.containmentThreshold());
        assertEquals(1.0, MinHasher.containment(0.5, 100, 200), 1e-9);
    }

    @Test
    void sCurveIsOneHalfAtItsHalfPoint() {
        assertEquals(0.5, settings.candidateProbability(settings.halfPoint()), 1e-6);
        assertEquals(0.254, settings.halfPoint(), 0.005);
        assertTrue(settings.candidateProbability(settings.jaccardThreshold()) > 0.95);
        assertTrue(settings.candidateProbability(0.1) < 0.05);
    }
}
