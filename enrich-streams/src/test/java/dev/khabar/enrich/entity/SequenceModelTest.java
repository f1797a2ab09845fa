package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceModelTest {

    private static final int PER = 0;
    private static final int LOC = 2;

    private static SequenceModel model(int width) {
        int tags = 1 + width * 4;
        return new SequenceModel(4, width, 2, new float[4 * tags], new float[(tags + 1) * tags]);
    }

    /** O, PER B, PER I, O, LOC B, PER B, PER B, PER I, PER I, and a stray LOC I. */
    private static final int[] BIO_PATH = {0, SequenceModel.begin(PER), SequenceModel.inside(PER), 0,
        SequenceModel.begin(LOC), SequenceModel.begin(PER), SequenceModel.begin(PER), SequenceModel.inside(PER),
        SequenceModel.inside(PER), SequenceModel.inside(LOC)};

    @Test
    void bilouPathsMarkLastWordsAndOneWordNamesAndComeBackAsBio() {
        SequenceModel bilou = model(SequenceModel.BILOU);
        int[] own = bilou.fromBio(BIO_PATH);
        // per type: B, I, L, U at 1 + 4 * type + 0..3
        assertArrayEquals(new int[] {0, 1, 3, 0, 12, 4, 1, 2, 3, 12}, own);
        int[] back = BIO_PATH.clone();
        back[9] = SequenceModel.begin(LOC);  // the stray I became a one-word name
        assertArrayEquals(back, bilou.toBio(own));
        assertEquals(LOC, bilou.tagType(12));
        assertEquals(-1, bilou.tagType(0));
    }

    @Test
    void bioModelsKeepTheirPathsAsTheyAre() {
        SequenceModel bio = model(SequenceModel.BIO);
        assertArrayEquals(BIO_PATH, bio.fromBio(BIO_PATH));
        assertArrayEquals(BIO_PATH, bio.toBio(BIO_PATH));
        assertEquals(9, bio.tags);
    }

    @Test
    void bilouOnlyContinuesOpenNamesOfTheirOwnType() {
        SequenceModel m = model(SequenceModel.BILOU);
        int b = 1;
        int i = 2;
        int l = 3;
        int u = 4;
        assertTrue(m.allowed(-1, b) && m.allowed(-1, u) && m.allowed(-1, 0));
        assertFalse(m.allowed(-1, i) || m.allowed(-1, l));
        assertTrue(m.allowed(b, i) && m.allowed(b, l) && m.allowed(i, l));
        assertFalse(m.allowed(b, 0) || m.allowed(b, u) || m.allowed(b, 1 + 4 + 1));
        assertTrue(m.allowed(l, 0) && m.allowed(u, b) && m.allowed(l, 1 + 4));
        assertFalse(m.allowed(l, i) || m.allowed(u, l));
    }

    @Test
    void bilouDecodingNeverEndsASentenceInsideAName() {
        SequenceModel m = model(SequenceModel.BILOU);
        float[][] emissions = new float[2][m.tags];
        emissions[0][1] = 5;  // B-PERSON
        emissions[1][2] = 5;  // I-PERSON, which cannot end a sentence
        emissions[1][3] = 1;  // L-PERSON
        assertArrayEquals(new int[] {1, 3}, m.decodeOwn(emissions));
        assertArrayEquals(new int[] {SequenceModel.begin(PER), SequenceModel.inside(PER)}, m.decode(emissions));
    }

    @Test
    void denseWeightsScoreEachTokensVectorAndSurviveWritingAndReading() throws Exception {
        int tags = 9;
        float[] dense = new float[tags * 2];
        dense[SequenceModel.begin(LOC) * 2] = 3;  // B-LOCATION likes the first dimension
        dense[0 * 2 + 1] = 2;  // O likes the second
        SequenceModel m = new SequenceModel(4, SequenceModel.BIO, 2, new float[4 * tags], new float[(tags + 1) * tags],
                2, dense);
        float[][] vectors = {{1, 0}, {0, 1}};
        float[][] emissions = m.emissions(new int[][] {{}, {}}, vectors);
        assertEquals(3, emissions[0][SequenceModel.begin(LOC)], 1e-6);
        assertEquals(2, emissions[1][0], 1e-6);
        assertArrayEquals(new int[] {SequenceModel.begin(LOC), 0}, m.decode(emissions));
        // without vectors the dense weights are silent
        assertEquals(0, m.emissions(new int[][] {{}})[0][SequenceModel.begin(LOC)], 1e-6);

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        m.write(new java.io.DataOutputStream(bytes));
        SequenceModel back = SequenceModel.read(new java.io.DataInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray())), SequenceModel.BIO, true, true);
        assertEquals(2, back.dimensions);
        assertArrayEquals(dense, back.dense, 1e-6f);
    }

    @Test
    void thePerceptronLearnsATagFromTheVectorsAlone() {
        // one token per sentence and no hashed features: a place where the vector points one way, O the other
        java.util.List<PerceptronTrainer.Example> examples = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < 200; k++) {
            boolean place = k % 2 == 0;
            float[] v = {place ? 1 : -1, (float) random.nextGaussian()};
            examples.add(new PerceptronTrainer.Example(new int[][] {{}},
                    new int[] {place ? SequenceModel.begin(LOC) : 0}, -1, null, new float[][] {v}));
        }
        SequenceModel m = PerceptronTrainer.train(examples, 4, SequenceModel.BIO, 2, 3, 7, 1, 0, 1, 0);
        assertEquals(2, m.dimensions);
        assertArrayEquals(new int[] {SequenceModel.begin(LOC)}, m.decode(m.emissions(new int[][] {{}},
                new float[][] {{0.8f, 0.3f}})));
        assertArrayEquals(new int[] {0}, m.decode(m.emissions(new int[][] {{}}, new float[][] {{-0.8f, 0.3f}})));
    }

    @Test
    void withReachATokensScoresReadItsNeighboursVectorsAndTheReachIsKept() throws Exception {
        int tags = 9;
        SequenceModel m = new SequenceModel(4, SequenceModel.BIO, 2, new float[4 * tags], new float[(tags + 1) * tags],
                1, 1, new float[3 * tags]);
        m.dense[m.denseBase(-1, SequenceModel.begin(LOC))] = 3;  // B-LOCATION likes a marked word before it
        m.dense[m.denseBase(1, SequenceModel.begin(PER))] = 2;  // B-PERSON likes a marked word after it
        float[][] emissions = m.emissions(new int[][] {{}, {}, {}}, new float[][] {{1}, {0}, {1}});
        assertEquals(0, emissions[0][SequenceModel.begin(LOC)], 1e-6);
        assertEquals(3, emissions[1][SequenceModel.begin(LOC)], 1e-6);
        assertEquals(2, emissions[1][SequenceModel.begin(PER)], 1e-6);
        assertEquals(0, emissions[2][SequenceModel.begin(PER)], 1e-6, "no token after the last");

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        m.write(new java.io.DataOutputStream(bytes));
        SequenceModel back = SequenceModel.read(new java.io.DataInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray())), SequenceModel.BIO, true, true);
        assertEquals(1, back.reach);
        assertArrayEquals(m.dense, back.dense, 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new SequenceModel(4, SequenceModel.BIO, 2,
                new float[4 * tags], new float[(tags + 1) * tags], 1, 1, new float[tags]));
    }

    @Test
    void thePerceptronLearnsATagFromANeighboursVector() {
        // a place follows a word whose vector points one way; the place's own vector says nothing
        java.util.List<PerceptronTrainer.Example> examples = new java.util.ArrayList<>();
        for (int k = 0; k < 200; k++) {
            boolean place = k % 2 == 0;
            examples.add(new PerceptronTrainer.Example(new int[][] {{}, {}},
                    new int[] {0, place ? SequenceModel.begin(LOC) : 0}, -1, null,
                    new float[][] {{place ? 1 : -1}, {0}}));
        }
        SequenceModel m = PerceptronTrainer.train(examples, 4, SequenceModel.BIO, 2, 3, 7, 1, 0, 1, 1);
        assertEquals(1, m.reach);
        assertArrayEquals(new int[] {0, SequenceModel.begin(LOC)},
                m.decode(m.emissions(new int[][] {{}, {}}, new float[][] {{0.9f}, {0}})));
        assertArrayEquals(new int[] {0, 0}, m.decode(m.emissions(new int[][] {{}, {}}, new float[][] {{-0.9f}, {0}})));
    }

    @Test
    void rejectsAnUnknownScheme() {
        assertThrows(IllegalArgumentException.class, () -> new SequenceModel(4, 3, 2, new float[0], new float[0]));
        assertThrows(IllegalArgumentException.class, () -> NerTraining.scheme("bioes"));
    }
}
