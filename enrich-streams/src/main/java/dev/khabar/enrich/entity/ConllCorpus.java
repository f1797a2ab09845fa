package dev.khabar.enrich.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code token TAG} files: whitespace- or tab-separated, blank lines between sentences, {@code -DOCSTART-} ignored,
 * IOB1 or IOB2 (returned as IOB2 over the four coarse types), BOM, CRLF and bidi marks stripped, a leading {@code xx:}
 * language prefix removed from tokens.
 */
final class ConllCorpus {

    /** ANERcorp / CoNLL labels: PER and PERS are persons; anything else outside the four types becomes O. */
    static final Function<String, String> COARSE = label -> switch (label.toUpperCase()) {
        case "PER", "PERS", "PERSON" -> "PERSON";
        case "ORG", "ORGANIZATION", "ORGANISATION" -> "ORGANIZATION";
        case "LOC", "LOCATION", "GPE" -> "LOCATION";
        case "MISC" -> "MISC";
        default -> null;
    };

    /** NewsFANE / WikiFANE fine types (Alotaibi and Lee 2014) mapped to the four types; FAC, VEH, WEA and Group to O. */
    static final Function<String, String> FANE = label -> ConllCorpus.FANE_TYPES.get(label);

    private static final Map<String, String> FANE_TYPES = fane();

    private static Map<String, String> fane() {
        Map<String, String> m = new HashMap<>();
        for (String t : List.of("Politician", "Athlete", "Artist", "Scientist", "Businessperson", "Engineer", "Lawyer",
                "Police", "Religious_PER", "Other_PER")) {
            m.put(t, "PERSON");
        }
        for (String t : List.of("Government", "Non-Governmental", "Commercial", "Educational", "Media", "Sports",
                "Medical-Science", "Religious_ORG", "Entertainment")) {
            m.put(t, "ORGANIZATION");
        }
        for (String t : List.of("Nation", "Population-Center", "State-or-Province", "County-or-District", "GPE-Cluster",
                "Continent", "Water-Body", "Land-Region-Natural", "Celestial")) {
            m.put(t, "LOCATION");
        }
        for (String t : List.of("Book", "Movie", "Software", "Hardware", "Food", "Drug", "Sound")) {
            m.put(t, "MISC");
        }
        return Map.copyOf(m);
    }

    /** A sentence: tokens and IOB2 tags over the coarse types ({@code O}, {@code B-PERSON}, {@code I-LOCATION} ...). */
    record Sentence(List<String> tokens, List<String> tags) {

        String text() {
            return String.join(" ", tokens);
        }
    }

    private ConllCorpus() {
    }

    static List<Sentence> read(Path file, Function<String, String> types) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(reader, types);
        }
    }

    static List<Sentence> read(BufferedReader reader, Function<String, String> types) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String line; (line = reader.readLine()) != null; ) {
            line = clean(line);
            String[] parts = line.isBlank() ? new String[0] : line.strip().split("[\\s\u00A0]+");
            if (parts.length < 2) {
                if (parts.length == 0) {
                    flush(tokens, labels, sentences, types);
                }
                continue;
            }
            if (parts[0].equals("-DOCSTART-")) {
                flush(tokens, labels, sentences, types);
                continue;
            }
            String token = parts[0];
            if (token.length() > 3 && token.charAt(2) == ':' && Character.isLetter(token.charAt(0))
                    && Character.isLetter(token.charAt(1))) {
                token = token.substring(3);
            }
            tokens.add(token);
            labels.add(parts[parts.length - 1]);
        }
        flush(tokens, labels, sentences, types);
        return sentences;
    }

    private static String clean(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\uFEFF' && c != '\u200E' && c != '\u200F' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void flush(List<String> tokens, List<String> labels, List<Sentence> sentences,
                              Function<String, String> types) {
        if (tokens.isEmpty()) {
            return;
        }
        List<String> tags = new ArrayList<>();
        String previous = null;
        for (String label : labels) {
            String type = null;
            boolean begin = false;
            if (label.length() > 2 && (label.charAt(1) == '-' || label.charAt(1) == '_')) {
                type = types.apply(label.substring(2));
                begin = Character.toUpperCase(label.charAt(0)) == 'B';
            }
            if (type == null) {
                tags.add("O");
                previous = null;
                continue;
            }
            boolean starts = begin || !type.equals(previous);  // IOB1: I- after another type starts an entity
            tags.add((starts ? "B-" : "I-") + type);
            previous = type;
        }
        sentences.add(new Sentence(List.copyOf(tokens), tags));
        tokens.clear();
        labels.clear();
    }

    /** Sentences {@code [floor(n * from), floor(n * to))}. */
    static List<Sentence> slice(List<Sentence> sentences, double from, double to) {
        int n = sentences.size();
        return sentences.subList((int) Math.floor(n * from), (int) Math.floor(n * to));
    }

    /** Parses {@code 5/6}, {@code 0.8} or {@code 1}. */
    static double fraction(String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return Double.parseDouble(value);
        }
        return Double.parseDouble(value.substring(0, slash)) / Double.parseDouble(value.substring(slash + 1));
    }
}
