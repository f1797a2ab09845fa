import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.enrich.measure.QuantityFinder;
import dev.khabar.model.Quantity;

/**
 * Counts the quantities {@link QuantityFinder} finds in some texts, and those whose number is written in words, and
 * prints a fixed random sample of the latter with their context, to be judged by reading:
 * {@code java -cp enrich-streams/target/enrich-streams.jar enrich-streams/training/NumberWordSample.java --lang L
 * [--sample 50] [--skip K] [--limit N] [--chunk N] INPUT...}. An input is a gzipped JSON Lines file (its
 * {@code content} field: an article each; {@code --skip} and {@code --limit} pick them), or a CoNLL file or a folder of
 * them (read in name order): each sentence a text, cut every {@code --chunk} tokens if given. Run it with the jars of
 * two commits to compare the counts.
 */
public class NumberWordSample {
    public static void main(String[] args) throws Exception {
        String language = null;
        int sample = 50;
        int skip = 0;
        int limit = Integer.MAX_VALUE;
        int chunk = Integer.MAX_VALUE;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lang" -> language = args[++i];
                case "--sample" -> sample = Integer.parseInt(args[++i]);
                case "--skip" -> skip = Integer.parseInt(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                default -> {
                    Path input = Path.of(args[i]);
                    if (args[i].endsWith(".jsonl.gz")) {
                        texts.addAll(articles(input, skip, limit));
                    } else if (Files.isDirectory(input)) {
                        try (Stream<Path> files = Files.list(input)) {
                            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                                texts.addAll(sentences(file, chunk));
                            }
                        }
                    } else {
                        texts.addAll(sentences(input, chunk));
                    }
                }
            }
        }
        int total = 0;
        List<String> inWords = new ArrayList<>();
        for (String text : texts) {
            for (Quantity q : QuantityFinder.find(text, language)) {
                total++;
                if (!Character.isDigit(q.text().codePointAt(0)) && "$€£".indexOf(q.text().charAt(0)) < 0) {
                    int start = text.offsetByCodePoints(0, q.start());
                    int end = text.offsetByCodePoints(0, q.end());
                    inWords.add(q.text() + " = " + q.value().toPlainString() + " " + q.unit() + "   | "
                            + text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 20))
                            .replace('\n', ' '));
                }
            }
        }
        Collections.shuffle(inWords, new Random(1));
        System.out.println(texts.size() + " texts, " + total + " quantities, " + inWords.size() + " from words");
        inWords.stream().limit(sample).forEach(System.out::println);
    }

    private static List<String> articles(Path file, int skip, int limit) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new FileInputStream(file.toFile())), StandardCharsets.UTF_8))) {
            String line;
            for (int n = 0; (line = in.readLine()) != null && texts.size() < limit; n++) {
                if (n >= skip) {
                    JsonNode article = json.readTree(line);
                    texts.add(article.path("content").asText(article.path("text").asText("")));
                }
            }
        }
        return texts;
    }

    /** Sentences (blank lines and {@code -DOCSTART-} end them) of the first column, cut every {@code chunk} tokens. */
    private static List<String> sentences(Path file, int chunk) throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("-DOCSTART") || tokens.size() >= chunk) {
                if (!tokens.isEmpty()) {
                    texts.add(String.join(" ", tokens));
                    tokens.clear();
                }
                if (trimmed.isEmpty() || trimmed.startsWith("-DOCSTART")) {
                    continue;
                }
            }
            tokens.add(trimmed.split("\\s+")[0]);
        }
        if (!tokens.isEmpty()) {
            texts.add(String.join(" ", tokens));
        }
        return texts;
    }
}
