package dev.khabar.enrich.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Known names: CLDR countries and time-zone cities (Arabic, English, French), ISO 3166-2 subdivisions in Arabic, a curated
 * list of news names, and Arabic given names (a feature only, never a mention on their own).
 */
final class Gazetteer {

    static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

    /** Classes of trigger words: titles before person names, head nouns of organisation and place names. */
    static final List<String> TRIGGER_CLASSES = List.of("TITLE", "ORGANIZATION", "LOCATION");

    private static final String CLITICS = "وفبكل";
    private static final int LOCATION = TYPES.indexOf("LOCATION");

    private final Map<String, List<Name>> byFirstToken = new HashMap<>();
    private final Map<String, Integer> tokenTypes = new HashMap<>();
    private final Set<String> givenNames;
    private final Map<String, Integer> triggers = new HashMap<>();
    private final int size;

    private record Name(List<String> tokens, int type) {
    }

    /**
     * A name found in a token list.
     *
     * @param first        index of the first token
     * @param last         index of the last token (inclusive)
     * @param type         index into {@link #TYPES}
     * @param prefixLength characters of a clitic prefix on the first token, outside the name
     */
    record Match(int first, int last, int type, int prefixLength) {
    }

    private static final String TYPOGRAPHIC_APOSTROPHE = "\u2019";

    Gazetteer(Map<String, String> nameToType, Collection<String> givenNames) {
        this(nameToType, givenNames, List.of());
    }

    /** @param triggers lines {@code CLASS<TAB>word}, CLASS one of {@link #TRIGGER_CLASSES} */
    Gazetteer(Map<String, String> nameToType, Collection<String> givenNames, Collection<String> triggers) {
        for (String line : triggers) {
            String[] parts = line.split("\t");
            int cls = TRIGGER_CLASSES.indexOf(parts[0].strip());
            if (parts.length != 2 || cls < 0) {
                throw new IllegalArgumentException("trigger line '" + line + "' is not CLASS<TAB>word");
            }
            this.triggers.put(ArabicText.normalize(parts[1].strip()), cls + 1);
        }
        nameToType.forEach((name, type) -> {
            List<String> tokens = Tokenizer.tokenize(name).stream().map(Token::norm).toList();
            int t = TYPES.indexOf(type);
            if (tokens.isEmpty() || t < 0) {
                return;
            }
            byFirstToken.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(new Name(tokens, t));
            for (String token : tokens) {
                tokenTypes.merge(token, 1 << t, (a, b) -> a | b);
            }
            if (tokens.contains(TYPOGRAPHIC_APOSTROPHE)) {  // Côte d’Ivoire (CLDR) also as Côte d'Ivoire, matched only
                List<String> plain = tokens.stream().map(w -> w.equals(TYPOGRAPHIC_APOSTROPHE) ? "'" : w).toList();
                byFirstToken.computeIfAbsent(plain.get(0), k -> new ArrayList<>()).add(new Name(plain, t));
            }
        });
        // longest first; among names of one length the first in nameToType's order wins, so callers pass ordered maps
        byFirstToken.values().forEach(list -> list.sort((a, b) -> b.tokens().size() - a.tokens().size()));
        Set<String> given = new HashSet<>();
        givenNames.forEach(n -> given.add(ArabicText.normalize(n)));
        this.givenNames = given;
        this.size = nameToType.size();
    }

    private static final class Holder {
        static final Gazetteer STANDARD = new Gazetteer(loadNames(), loadWords("/gazetteer/given-names-ar.txt"),
                loadWords("/gazetteer/triggers-ar.tsv"));
    }

    static Gazetteer standard() {
        return Holder.STANDARD;
    }

    int size() {
        return size;
    }

    /** Bit {@code 1 << type} set for each type having a name that contains this normalised word. */
    int tokenTypes(String norm) {
        return tokenTypes.getOrDefault(norm, 0);
    }

    /** 1 + the index in {@link #TRIGGER_CLASSES} of a normalised trigger word, or 0. */
    int trigger(String norm) {
        return triggers.getOrDefault(norm, 0);
    }

    boolean isGivenName(String norm) {
        return givenNames.contains(norm);
    }

    Set<String> givenNames() {
        return givenNames;
    }

    /** Whether a normalised word is, alone, the name of a place. */
    boolean isPlace(String norm) {
        List<Name> names = byFirstToken.get(norm);
        return names != null && names.stream().anyMatch(n -> n.tokens().size() == 1 && n.type() == LOCATION);
    }

    /** The normalised one-word names (not the given names). */
    Set<String> oneWordNames() {
        Set<String> names = new HashSet<>();
        byFirstToken.forEach((first, list) -> {
            if (list.stream().anyMatch(n -> n.tokens().size() == 1)) {
                names.add(first);
            }
        });
        return names;
    }

    /** Every normalised word of every name, for the clitic lexicon. */
    Set<String> words() {
        Set<String> words = new HashSet<>(tokenTypes.keySet());
        words.addAll(givenNames);
        return words;
    }

    /** The normalised text of a match, clitic prefix excluded. */
    static String key(List<Token> tokens, Match m) {
        StringBuilder key = new StringBuilder(tokens.get(m.first()).norm().substring(m.prefixLength()));
        for (int k = m.first() + 1; k <= m.last(); k++) {
            key.append(' ').append(tokens.get(k).norm());
        }
        return key.toString();
    }

    /**
     * Per token, the longest name over it as a feature code: 0 for none, else {@code 1 + width * type + role}, the role
     * being 0 on the name's first token and 1 on the others, or with {@code width} 3, 2 on its last.
     */
    int[] spans(List<Token> tokens, int width) {
        int[] codes = new int[tokens.size()];
        for (Match m : matches(tokens)) {
            for (int k = m.first(); k <= m.last(); k++) {
                codes[k] = 1 + width * m.type() + (k == m.first() ? 0 : width == 3 && k == m.last() ? 2 : 1);
            }
        }
        return codes;
    }

    /** Longest matches, left to right, not overlapping. */
    List<Match> matches(List<Token> tokens) {
        List<Match> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match match = matchAt(tokens, i);
            if (match == null) {
                i++;
            } else {
                found.add(match);
                i = match.last() + 1;
            }
        }
        return found;
    }

    private Match matchAt(List<Token> tokens, int i) {
        String first = tokens.get(i).norm();
        Match match = longest(tokens, i, first, 0);
        // لل is ل + ال, never two clitics: للبنين ("for the boys") is not ل ل + بنين (Benin)
        int pairs = first.startsWith("لل") ? 1 : 2;
        for (int p = 0; match == null && p < pairs && p < first.length() - 2 && CLITICS.indexOf(first.charAt(p)) >= 0;
                p++) {
            String rest = first.substring(p + 1);
            match = longest(tokens, i, rest, p + 1);
            if (match == null && first.charAt(p) == 'ل' && rest.startsWith("ل")) {
                match = longest(tokens, i, "ا" + rest, 0);  // لل = ل + ال: the mention keeps the whole word
            }
        }
        return match;
    }

    private Match longest(List<Token> tokens, int i, String first, int prefixLength) {
        for (Name name : byFirstToken.getOrDefault(first, List.of())) {
            int n = name.tokens().size();
            if (i + n > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 1; k < n && all; k++) {
                all = name.tokens().get(k).equals(tokens.get(i + k).norm());
            }
            if (all) {
                return new Match(i, i + n - 1, name.type(), prefixLength);
            }
        }
        return null;
    }

    static Map<String, String> loadNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String lang : List.of("ar", "en", "fr")) {
            ULocale locale = new ULocale(lang);
            LocaleDisplayNames display = LocaleDisplayNames.getInstance(locale);
            for (String region : Locale.getISOCountries()) {
                String name = display.regionDisplayName(region);
                if (name != null && !name.equals(region)) {
                    names.put(name, "LOCATION");
                }
            }
            TimeZoneNames zones = TimeZoneNames.getInstance(locale);
            for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
                String city = zones.getExemplarLocationName(id);
                if (city != null && city.codePointCount(0, city.length()) >= 3) {
                    names.putIfAbsent(city, "LOCATION");
                }
            }
        }
        // not "the central/northern region" (Eritrea's Maekel, Israel's Northern District); a generic word alone
        // stays, a feature the model was trained with (الجزيرة, Sudan's Gezira, helps it find Al Jazeera)
        loadWords("/gazetteer/subdivisions-ar.txt").stream()
                .filter(n -> !(n.startsWith("المنطقة ") && EntityCatalog.description(n)))
                .forEach(n -> names.putIfAbsent(n, "LOCATION"));
        for (String line : loadWords("/gazetteer/news-names.tsv")) {
            String[] parts = line.split("\t");
            names.put(parts[1].strip(), parts[0].strip());
        }
        return names;
    }

    /** The lines of a word-list resource, comments and blank lines left out. */
    static List<String> loadWords(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
