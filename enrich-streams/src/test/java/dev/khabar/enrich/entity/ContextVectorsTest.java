package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContextVectorsTest {

    private final ContextVectors encoder = ContextVectors.standard();

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        return dot;
    }

    @Test
    void wordsAreCutAsBertCutsThem() {
        // lower case, accents off, punctuation apart, then the longest pieces first
        int[] apart = java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(
                java.util.Arrays.stream(encoder.pieces("quebec")), java.util.Arrays.stream(encoder.pieces("'"))),
                java.util.Arrays.stream(encoder.pieces("s"))).toArray();
        assertArrayEquals(apart, encoder.pieces("Québec's"));
        assertEquals(3, apart.length);
        assertArrayEquals(encoder.pieces("quebec"), encoder.pieces("QUÉBEC"));
        assertTrue(encoder.pieces("Zelenskyy").length > 1, "a rare name is read in pieces");
        assertEquals(0, encoder.pieces("\u200b").length + encoder.pieces("").length);
    }

    @Test
    void theSameWordReadsDifferentlyInDifferentSentencesAndEachVectorHasUnitLength() {
        float[][] fruit = encoder.of(List.of("I", "ate", "an", "apple", "after", "lunch", "."));
        float[][] company = encoder.of(List.of("Apple", "shares", "rose", "on", "Monday", "."));
        float[][] fruitAgain = encoder.of(List.of("She", "ate", "an", "apple", "before", "dinner", "."));
        assertEquals(encoder.dimensions, fruit[3].length);
        assertEquals(1, cosine(fruit[3], fruit[3]), 1e-4);
        assertTrue(cosine(fruit[3], fruitAgain[3]) > cosine(fruit[3], company[0]),
                "apple the fruit is nearer apple the fruit than Apple the company");
        assertTrue(cosine(fruit[3], company[0]) < 0.99, "context changes the vector");
    }

    @Test
    void aSentenceLongerThanOneWindowIsReadWholeAndWordsWithoutPiecesGetZeros() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            words.add(i == 5 ? "\u200b" : "Washington" + (i % 3 == 0 ? "ians" : ""));
        }
        float[][] vectors = encoder.of(words);
        assertEquals(400, vectors.length);
        assertEquals(0, cosine(vectors[5], vectors[5]), 1e-9);
        assertEquals(1, cosine(vectors[399], vectors[399]), 1e-4, "the last word, in the second window");
        assertEquals(1, cosine(vectors[254], vectors[254]), 1e-4);
    }
}
