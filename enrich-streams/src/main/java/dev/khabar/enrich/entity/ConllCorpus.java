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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code token TAG} files: whitespace- or tab-separated, blank lines between sentences, {@code -DOCSTART-} ignored,
 * IOB1 or IOB2 (returned as IOB2 over the four coarse types), BOM, CRLF and bidi marks stripped, a leading {@code xx:}
 * language prefix removed from tokens. Also read: CoNLL-U-like comment lines ({@code # key = value}) are skipped, the
 * five tab-separated columns of Universal NER ({@code ID TOKEN TAG - ANNOTATOR}) take the tag from the third, and a file
 * without any blank line (Europeana) is cut into sentences after {@code .}, {@code !} and {@code ?}.
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

    /**
     * The English and French sets' labels: the coarse ones, re3d's ({@code Person}, {@code Organisation},
     * {@code Nationality} as MISC), WNUT-17's ({@code group}, {@code corporation} as ORGANIZATION; {@code product},
     * {@code creative-work} as MISC) and CrossNER's fine types (people, organisations, places; named works, events and
     * awards as MISC; genres, fields, algorithms, chemicals and the like as O).
     */
    static final Function<String, String> LATIN = label -> {
        String coarse = COARSE.apply(label);
        return coarse != null ? coarse : ConllCorpus.LATIN_TYPES.get(label.toLowerCase(Locale.ROOT));
    };

    private static final Map<String, String> LATIN_TYPES = latin();

    private static Map<String, String> latin() {
        Map<String, String> m = new HashMap<>();
        for (String t : List.of("politician", "scientist", "writer", "musicalartist", "researcher")) {
            m.put(t, "PERSON");
        }
        for (String t : List.of("organisation", "politicalparty", "band", "university", "academicjournal", "magazine",
                "conference", "group", "corporation")) {
            m.put(t, "ORGANIZATION");
        }
        for (String t : List.of("country")) {
            m.put(t, "LOCATION");
        }
        for (String t : List.of("nationality", "event", "election", "award", "book", "song", "album", "poem", "product",
                "creative-work", "programlang", "astronomicalobject")) {
            m.put(t, "MISC");
        }
        return Map.copyOf(m);
    }

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

        /** The labelled names: a B- tag and the I- tags of its type that follow it. */
        List<Mention> mentions() {
            List<Mention> mentions = new ArrayList<>();
            int i = 0;
            while (i < tags.size()) {
                if (!tags.get(i).startsWith("B-")) {
                    i++;
                    continue;
                }
                String type = tags.get(i).substring(2);
                int last = i;
                while (last + 1 < tags.size() && tags.get(last + 1).equals("I-" + type)) {
                    last++;
                }
                mentions.add(new Mention(i, last, type));
                i = last + 1;
            }
            return mentions;
        }
    }

    /** Tokens {@code first..last} of a sentence, labelled {@code type}. */
    record Mention(int first, int last, String type) {
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
        boolean blankSeen = false;
        for (String line; (line = reader.readLine()) != null; ) {
            line = clean(line);
            blankSeen |= line.isBlank();
            if (line.startsWith("#") && line.contains(" = ")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length == 5 && !columns[0].isEmpty() && columns[0].chars().allMatch(Character::isDigit)) {
                line = columns[1] + "\t" + columns[2];
            }
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
        return !blankSeen && sentences.size() == 1 ? cut(sentences.get(0)) : sentences;
    }

    /** One running text without sentence breaks, cut after sentence-ending marks outside entities. */
    static List<Sentence> cut(Sentence text) {
        List<Sentence> out = new ArrayList<>();
        int from = 0;
        int n = text.tokens().size();
        for (int i = 0; i < n; i++) {
            String token = text.tokens().get(i);
            boolean ends = (token.equals(".") || token.equals("!") || token.equals("?"))
                    && text.tags().get(i).equals("O") && (i + 1 == n || !text.tags().get(i + 1).startsWith("I-"));
            if (ends || i == n - 1) {
                out.add(new Sentence(List.copyOf(text.tokens().subList(from, i + 1)),
                        List.copyOf(text.tags().subList(from, i + 1))));
                from = i + 1;
            }
        }
        return out;
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

    /** Words a mention may start with that are not part of a name, and mentions that are only a pronoun. */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "our",
            "their", "his", "her", "its", "my", "your");
    private static final Set<String> PRONOUNS = Set.of("i", "we", "us", "he", "him", "she", "it", "they", "them", "you",
            "me", "our", "their", "his", "her", "its", "my", "your", "who");

    /**
     * A sentence whose mention annotation (pronouns, descriptions, determiners: {@code We}, {@code the city},
     * {@code the Government of Iraq}, {@code ISIL tactical units}) is trimmed to names as the other sets tag them: leading
     * determiners, lower-case words and person titles go, trailing lower-case words and marks go, and what is left is
     * dropped when it is empty, a pronoun, or one word that only modified the description ({@code Iraqi} of
     * {@code Iraqi security forces}; an acronym stays: {@code ISIL} of {@code ISIL tactical units}).
     */
    static Sentence namesOnly(Sentence sentence) {
        List<String> tokens = sentence.tokens();
        List<String> tags = new ArrayList<>(sentence.tags());
        for (Mention mention : sentence.mentions()) {
            String type = mention.type();
            int last = mention.last();
            int first = mention.first();
            while (first <= last && (notName(tokens.get(first)) || DETERMINERS.contains(lower(tokens.get(first)))
                    || type.equals("PERSON") && first < last && LatinFeatures.isPersonTitle(lower(tokens.get(first))))) {
                first++;
            }
            int end = last;
            while (end >= first && notName(tokens.get(end))) {
                end--;
            }
            boolean keep = first <= end && !(first == end && (PRONOUNS.contains(lower(tokens.get(first)))
                    || end < last && !tokens.get(first).equals(tokens.get(first).toUpperCase(Locale.ROOT))));
            for (int k = mention.first(); k <= last; k++) {
                tags.set(k, !keep || k < first || k > end ? "O" : (k == first ? "B-" : "I-") + type);
            }
        }
        return new Sentence(tokens, List.copyOf(tags));
    }

    /** A token that cannot start or end a name: a lower-case word or a mark. */
    private static boolean notName(String token) {
        int c = token.codePointAt(0);
        return Character.isLowerCase(c) || !Character.isLetterOrDigit(c);
    }

    private static String lower(String token) {
        return token.toLowerCase(Locale.ROOT);
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
