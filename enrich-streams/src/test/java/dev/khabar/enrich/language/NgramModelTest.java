package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class NgramModelTest {

    @Test
    void roundTripsNgramsPostingsAndCalibration() throws IOException {
        TreeMap<String, short[]> table = new TreeMap<>();
        table.put("a", new short[] {posting(0, Math.log(0.5)), posting(1, Math.log(0.1))});
        table.put("ab", new short[] {posting(0, Math.log(0.9))});
        table.put("abc", new short[] {posting(1, Math.log(0.25))});
        table.put("b", new short[] {posting(1, Math.log(0.3))});
        NgramModel.Calibration calibration = new NgramModel.Calibration(-1.2, -10, new double[] {0.1, -0.2}, 0.5, 0.25);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NgramModel.write(out, "test-1", List.of("xx", "yy"), List.of("Latn", "Latn Cyrl"), calibration, table);

        NgramModel model = NgramModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("test-1", model.version());
        assertEquals(2, model.languageCount());
        assertEquals("yy", model.code(1));
        assertEquals("Latn Cyrl", model.scripts(1));
        assertEquals(-0.2, model.calibration().bias()[1]);
        assertEquals(0.25, model.calibration().logTemperaturePerLogLetter());
        int entry = model.find("xabcx".toCharArray(), 1, 3);
        assertEquals(1, model.postingsEnd(entry) - model.postingsStart(entry));
        short p = model.posting(model.postingsStart(entry));
        assertEquals(1, p >>> 8);
        assertEquals(Math.log(0.25), -(p & 0xff) / NgramModel.Q_SCALE, 0.05);
        assertEquals(-1, model.find("zz".toCharArray(), 0, 2));
        assertEquals(2, model.postingsEnd(model.find("a".toCharArray(), 0, 1))
                - model.postingsStart(model.find("a".toCharArray(), 0, 1)));
    }

    @Test
    void rejectsAFileThatIsNotAModel() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write("not a model at all".getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(IOException.class, () -> NgramModel.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void mapsRawProbabilitiesThroughTheIsotonicPoints() {
        NgramModel.Calibration c = new NgramModel.Calibration(-1, -10, new double[1], 0, 0)
                .withIsotonic(new double[] {0.2, 0.6, 1.0}, new double[] {0.1, 0.7, 0.99});
        assertEquals(0.1, c.confidence(0.05), 1e-9);
        assertEquals(0.4, c.confidence(0.4), 1e-9);
        assertEquals(0.7, c.confidence(0.6), 1e-9);
        assertEquals(0.99, c.confidence(1.0), 1e-9);
        assertEquals(0.5, new NgramModel.Calibration(-1, -10, new double[1], 0, 0).confidence(0.5), 1e-9);
    }

    @Test
    void rejectsATruncatedModel() throws IOException {
        TreeMap<String, short[]> table = new TreeMap<>();
        table.put("ab", new short[] {posting(0, Math.log(0.9))});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NgramModel.write(out, "t", List.of("xx"), List.of("Latn"),
                new NgramModel.Calibration(-1, -10, new double[1], 0, 0), table);
        byte[] plain;
        try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            plain = in.readAllBytes();
        }
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(cut)) {
            gzip.write(plain, 0, plain.length - 1);
        }
        assertThrows(IOException.class, () -> NgramModel.read(new ByteArrayInputStream(cut.toByteArray())));
    }

    @Test
    void countsConditionalProbabilitiesWithinWords() {
        Map<String, Double> p = LanguageModelTrainer.countNgrams(List.of("abab ab, AC"));
        // letters: a b a b a b a c -> a=4/8, b=3/8; after "a": b three times, c once
        assertEquals(0.5, p.get("a"), 1e-9);
        assertEquals(0.75, p.get("ab"), 1e-9);
        assertEquals(0.25, p.get("ac"), 1e-9);
        assertEquals(1.0, p.get("aba"), 1e-9);
        // "abab" and "ab" are separate words: no n-gram runs across the space
        assertFalse(p.containsKey("baba"));
    }

    @Test
    void readsLinguaFrequencyFilesAndDropsRareNgrams() throws IOException {
        String json = "{\"language\":\"ENGLISH\",\"ngrams\":{\"30/100\":\"th he\",\"1/100\":\"qz\"}}";
        Map<String, Double> into = new TreeMap<>();
        LanguageModelTrainer.readLinguaFile(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 2, into);
        assertEquals(Map.of("th", 0.3, "he", 0.3), into);
    }

    @Test
    void findsTheScriptsALanguageIsWrittenIn() {
        assertEquals("Latn", LanguageModelTrainer.scriptsOf(Map.of("a", 0.6, "b", 0.38, "ж", 0.02)));
        assertEquals("Hani Hira", LanguageModelTrainer.scriptsOf(Map.of("の", 0.5, "日", 0.5, "ab", 1.0)));
    }

    private static short posting(int language, double logProbability) {
        return (short) ((language << 8) | NgramModel.quantize(logProbability));
    }
}
