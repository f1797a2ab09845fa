package dev.khabar.enrich.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;

import dev.khabar.model.Entity;

/**
 * A first recogniser: longest match of known names (CLDR country names in Arabic, English and French, and a
 * curated list of news names), with Arabic clitic prefixes split off and Arabic letter variants folded.
 */
final class GazetteerRecognizer implements EntityRecognizer {

    static final GazetteerRecognizer INSTANCE = new GazetteerRecognizer(load());

    private static final String CLITICS = "وفبكل";

    private final Map<String, List<Name>> byFirstToken;
    private final int names;

    private record Name(List<String> tokens, String type) {
    }

    private record Token(String norm, int start, int end) {
    }

    GazetteerRecognizer(Map<String, String> nameToType) {
        Map<String, List<Name>> index = new HashMap<>();
        nameToType.forEach((name, type) -> {
            List<String> tokens = tokenize(name).stream().map(Token::norm).toList();
            if (!tokens.isEmpty()) {
                index.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(new Name(tokens, type));
            }
        });
        index.values().forEach(list -> list.sort((a, b) -> b.tokens().size() - a.tokens().size()));
        this.byFirstToken = index;
        this.names = nameToType.size();
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        List<Token> tokens = tokenize(text);
        List<Entity> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match match = matchAt(tokens, i);
            if (match == null) {
                i++;
                continue;
            }
            int start = tokens.get(i).start() + match.prefixLength();
            int end = tokens.get(i + match.name().tokens().size() - 1).end();
            found.add(new Entity(substringByCodePoints(text, start, end), match.name().type(), start, end, 0.8,
                    "gazetteer"));
            i += match.name().tokens().size();
        }
        return found;
    }

    @Override
    public String version() {
        return "gazetteer-1 (" + names + " names)";
    }

    private record Match(Name name, int prefixLength) {
    }

    private Match matchAt(List<Token> tokens, int i) {
        String first = tokens.get(i).norm();
        Match match = longest(tokens, i, first, 0);
        for (int p = 0; match == null && p < 2 && p < first.length() - 2 && CLITICS.indexOf(first.charAt(p)) >= 0; p++) {
            String rest = first.substring(p + 1);
            match = longest(tokens, i, rest, p + 1);
            if (match == null && first.charAt(p) == 'ل' && rest.startsWith("ل")) {
                match = longest(tokens, i, "ا" + rest, p + 1);   // لل = ل + ال
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
                return new Match(name, prefixLength);
            }
        }
        return null;
    }

    /** Words (letters, digits, marks) with code-point offsets, normalised for matching. */
    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int cpIndex = 0;
        int start = -1;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean inWord = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || cp == 'ـ';
            if (inWord) {
                if (start < 0) {
                    start = cpIndex;
                }
                word.appendCodePoint(cp);
            } else if (start >= 0) {
                tokens.add(new Token(normalize(word), start, cpIndex));
                word.setLength(0);
                start = -1;
            }
            i += Character.charCount(cp);
            cpIndex++;
        }
        if (start >= 0) {
            tokens.add(new Token(normalize(word), start, cpIndex));
        }
        return tokens;
    }

    /** Folds Arabic letter variants, strips tashkeel and tatweel, lower-cases Latin. */
    static String normalize(CharSequence word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ى' -> out.append('ي');
                case 'ة' -> out.append('ه');
                case 'ـ' -> { }
                default -> {
                    if (c >= '\u064B' && c <= '\u065F' || c == '\u0670') {
                        continue;
                    }
                    out.append(Character.toLowerCase(c));
                }
            }
        }
        return out.toString();
    }

    private static String substringByCodePoints(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        for (String lang : List.of("ar", "en", "fr")) {
            LocaleDisplayNames display = LocaleDisplayNames.getInstance(new ULocale(lang));
            for (String region : Locale.getISOCountries()) {
                String name = display.regionDisplayName(region);
                if (name != null && !name.equals(region)) {
                    names.put(name, "LOCATION");
                }
            }
        }
        try (InputStream in = GazetteerRecognizer.class.getResourceAsStream("/gazetteer/news-names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("gazetteer/news-names.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                names.put(parts[1].strip(), parts[0].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
