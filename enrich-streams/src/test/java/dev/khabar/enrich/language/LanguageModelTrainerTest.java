package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageModelTrainerTest {

    private static final List<String> ENGLISH = List.of(
            "the farmers brought their cattle to the market early in the morning",
            "the children walked home through the rain after school",
            "the weather will be warmer at the weekend with some sunshine",
            "there were three boats waiting at the harbour for the fishermen");
    private static final List<String> GERMAN = List.of(
            "die bauern brachten ihr vieh am frühen morgen zum markt",
            "die kinder gingen nach der schule durch den regen nach hause",
            "das wetter wird am wochenende wärmer mit etwas sonnenschein",
            "drei boote warteten im hafen auf die fischer");
    private static final List<String> DUTCH = List.of(
            "de boeren brachten hun vee vroeg in de ochtend naar de markt",
            "de kinderen liepen na school door de regen naar huis",
            "het weer wordt warmer in het weekend met wat zonneschijn",
            "drie boten wachtten in de haven op de vissers");

    @Test
    void buildsALoadableModelFromLinguaFilesAndExtraLanguages(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("lingua.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            writeLinguaModels(zip, "en", ENGLISH);
            writeLinguaModels(zip, "de", GERMAN);
        }
        Path dev = dir.resolve("dev");
        for (String set : List.of("sentences", "word-pairs", "single-words")) {
            Files.createDirectories(dev.resolve(set));
            Files.write(dev.resolve(set).resolve("en.txt"), ENGLISH, StandardCharsets.UTF_8);
            Files.write(dev.resolve(set).resolve("de.txt"), GERMAN, StandardCharsets.UTF_8);
            Files.write(dev.resolve(set).resolve("nl.txt"), DUTCH, StandardCharsets.UTF_8);
        }
        Path out = dir.resolve("model.bin.gz");

        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        int code;
        try {
            code = LanguageModelTrainer.run(new String[] {"--lingua-jar", jar.toString(), "--dev", dev.toString(),
                "--extra", "nl", "--lines", "1:4", "--min-count", "1", "--out", out.toString()});
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code);

        NgramModel model;
        try (InputStream in = Files.newInputStream(out)) {
            model = NgramModel.read(in);
        }
        assertEquals(3, model.languageCount());
        assertEquals(List.of("de", "en", "nl"), List.of(model.code(0), model.code(1), model.code(2)));
        assertEquals("Latn", model.scripts(2));
        assertTrue(model.version().contains("min1+nl"), model.version());
        NgramIdentifier identifier = new NgramIdentifier(model);
        assertEquals("nl", identifier.guess("de kinderen brachten hun boten naar de haven").code());
        assertEquals("de", identifier.guess("die kinder brachten ihre boote zum hafen").code());
        assertEquals("en", identifier.guess("the children brought their boats to the harbour").code());
    }

    /** Writes the five Lingua files of one language, in Lingua's {"count/total": "ngram ngram"} layout. */
    private static void writeLinguaModels(ZipOutputStream zip, String code, List<String> text) throws IOException {
        Map<String, Double> probabilities = LanguageModelTrainer.countNgrams(text);
        String[] names = {"unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"};
        for (int order = 1; order <= 5; order++) {
            final int n = order;
            Map<String, String> byFraction = new TreeMap<>();
            probabilities.entrySet().stream().filter(e -> e.getKey().length() == n).forEach(e ->
                    byFraction.merge(Math.round(e.getValue() * 1000) + "/1000", e.getKey(), (a, b) -> a + " " + b));
            String json = byFraction.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                    .collect(Collectors.joining(",", "{\"language\":\"X\",\"ngrams\":{", "}}"));
            zip.putNextEntry(new ZipEntry("language-models/" + code + "/" + names[order - 1] + ".json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
