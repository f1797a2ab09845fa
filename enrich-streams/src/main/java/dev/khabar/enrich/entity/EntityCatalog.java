package dev.khabar.enrich.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
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
 * Entities with ids shared across languages, and their Arabic, English and French names: countries ({@code country:IQ},
 * CLDR), time-zone cities ({@code city:IQ:baghdad}, CLDR), ISO 3166-2 subdivisions ({@code subdivision:IQ-AN},
 * iso3166-2-db) and a curated news list ({@code org:isis}, {@code person:...}, {@code place:...}). Where two entities share
 * a name, countries win over the curated list, which wins over cities, which win over subdivisions; a name two entities
 * of the same rank share is dropped as ambiguous, and a name made only of generic words ({@code الصحراء الغربية}, Western
 * Sahara and also "the western desert" of Iraq) is not matched: it says where as often as what.
 */
final class EntityCatalog {

    static final List<String> LANGUAGES = List.of("ar", "en", "fr");

    private static final int COUNTRY = 0;
    private static final int CURATED = 1;
    private static final int CITY = 2;
    private static final int SUBDIVISION = 3;

    private static final Set<String> ARTICLES = Set.of("al", "an", "ar", "as", "ad", "at", "az", "ash", "ath", "el",
            "ed", "es", "en");
    static final String[] CLITICS = {"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل"};
    private static final Set<String> GENERIC = java.util.stream.Stream.of("north", "south", "east", "west", "central", "centre", "center",
            "northern", "southern", "eastern", "western", "capital", "coast", "coastal", "lakes", "upper", "lower",
            "island", "islands", "highlands", "sud", "nord", "est", "ouest", "littoral", "plateau", "plateaux", "maritime",
            "lagunes", "savanes", "capitale", "الشمال", "الجنوب", "الشرق", "الغرب", "الوسط", "الوسطى", "العاصمة",
            "الشمالية", "الجنوبية", "الشرقية", "الغربية", "الساحل", "الساحلية", "البحيرات", "الجزر", "المركز",
            "الجزيرة", "الوادي", "الصحراء", "البحر", "الجبل", "الداخلية", "الحدود", "المنطقة", "المركزية")
            .map(w -> key(ArabicText.normalize(w))).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Whether every word of {@code name} is a generic word of place names ({@code المنطقة الشمالية}, "the northern
     * region", Israel's Northern District; {@code المنطقة المركزية}, Eritrea's Maekel): a description as much as a name.
     */
    static boolean description(String name) {
        String[] words = ArabicText.normalize(name).split(" ");
        for (String word : words) {
            if (!GENERIC.contains(key(word))) {
                return false;
            }
        }
        return true;
    }

    /** An entity: id, type, and its display name per language. */
    record Entry(String id, String type, Map<String, String> names) {

        /** The name in {@code language}, else English, else any. */
        String name(String language) {
            String name = names.get(language);
            if (name == null) {
                name = names.get("en");
            }
            return name != null ? name : names.values().iterator().next();
        }
    }

    /**
     * A name found in a token list.
     *
     * @param first        index of the first token
     * @param last         index of the last token (inclusive)
     * @param prefixLength normalised characters of a clitic prefix on the first token, outside the name
     * @param underMention whether the name is also an ordinary word, to be linked only under a recogniser's mention
     */
    record Match(int first, int last, Entry entry, int prefixLength, boolean underMention) {
    }

    private record Alias(String[] keys, boolean exactCase, boolean capitalised, String[] written, Entry entry,
                         boolean underMention) {
    }

    private record Candidate(Alias alias, int rank, boolean ambiguous) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Candidate> byName = new HashMap<>();
    private final Map<String, List<Alias>> byFirstKey = new HashMap<>();
    private PlaceReadings readings;

    private EntityCatalog() {
    }

    private static final class Holder {
        static final EntityCatalog STANDARD = load();
    }

    static EntityCatalog standard() {
        return Holder.STANDARD;
    }

    int size() {
        return entries.size();
    }

    /**
     * Whether the entry comes from the curated news list (organisations, people, named places, events, products), not
     * from CLDR or ISO.
     */
    static boolean isCurated(Entry entry) {
        String id = entry.id();
        return id.startsWith("place:") || namesOneThing(id);
    }

    /** Whether the id is a curated organisation, person, event or product: its names mean it wherever they stand. */
    private static boolean namesOneThing(String id) {
        return id.startsWith("org:") || id.startsWith("person:") || id.startsWith("event:") || id.startsWith("product:");
    }

    /**
     * The curated organisation, person, event or product whose catalogue name {@code text} is, whole ({@code État
     * islamique}, {@code Daech}, {@code لويد أوستن}, {@code Brexit}, {@code F-35}; a clitic prefix on an Arabic name
     * allowed), else null. Places and CLDR entries are left out: a country's or city's name also stands for its
     * government or team.
     */
    Entry curatedName(String text) {
        Entry entry = wholeName(text);
        return entry != null && namesOneThing(entry.id()) ? entry : null;
    }

    /** The entry whose catalogue name {@code text} is, whole (a clitic prefix on an Arabic name allowed), else null. */
    Entry wholeName(String text) {
        return wholeName(words(text));
    }

    /** {@link #wholeName(String)} of tokens already made ({@link #words(List)} of them). */
    Entry wholeName(List<Token> words) {
        if (words.isEmpty()) {
            return null;
        }
        Match match = matchAt(words, 0);
        return match == null || match.last() != words.size() - 1 ? null : match.entry();
    }

    /**
     * The catalogue's one-word names in Arabic letters (matching form), such as {@code بعقوبة} (Baqubah), which is not
     * the clitic {@code ب} and {@code عقوبة}, "punishment".
     */
    Set<String> oneWordArabicNames() {
        Set<String> names = new HashSet<>();
        byFirstKey.forEach((first, aliases) -> {
            if (ArabicText.isArabicLetter(first.charAt(0)) && aliases.stream().anyMatch(a -> a.keys().length == 1)) {
                names.add(first);
            }
        });
        return Set.copyOf(names);
    }

    Entry entry(String id) {
        return entries.get(id);
    }

    /** The matching form of a word: {@link ArabicText#normalize} with Latin accents removed. */
    static String key(String norm) {
        for (int i = 0; i < norm.length(); i++) {
            char c = norm.charAt(i);
            if (c >= 0x00C0 && c < 0x0250) {
                String decomposed = Normalizer.normalize(norm, Normalizer.Form.NFD);
                StringBuilder out = new StringBuilder(decomposed.length());
                for (int k = 0; k < decomposed.length(); k++) {
                    char d = decomposed.charAt(k);
                    if (Character.getType(d) != Character.NON_SPACING_MARK || d >= 0x0600) {
                        out.append(d);
                    }
                }
                return out.toString().replace('œ', 'o').replace('æ', 'a');
            }
        }
        return norm;
    }

    /** Words of a text, hyphens left out so that {@code al-Anbar} and {@code Al Anbar} are the same name. */
    static List<Token> words(String text) {
        return words(Tokenizer.tokenize(text));
    }

    /** The words of {@link #words(String)} from tokens already made, with their offsets. */
    static List<Token> words(List<Token> tokens) {
        List<Token> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            String s = t.text();
            if (!(s.equals("-") || s.equals("‐") || s.equals("‑") || s.equals("ـ"))) {
                words.add(new Token(s, key(t.norm()), t.start(), t.end()));
            }
        }
        return words;
    }

    /** Longest catalogue names, left to right, not overlapping; tokens as given by {@link #words}. */
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

    /**
     * The names ({@link #matches}) of the entries whose id starts with {@code idPrefix} ({@code "org:"}), as spans of
     * {@code tokens}, the tokenizer's: the indices of their first and last token, and the first one's clitic prefix
     * length.
     */
    List<int[]> spans(List<Token> tokens, String idPrefix) {
        return spans(tokens, List.of(idPrefix));
    }

    /**
     * As {@link #spans(List, String)} for the entries whose id starts with one of {@code idPrefixes}, in one look-up;
     * each span's fourth number is the index of its prefix.
     */
    List<int[]> spans(List<Token> tokens, List<String> idPrefixes) {
        List<Token> words = words(tokens);
        Map<Integer, Integer> tokenAt = new HashMap<>();
        for (int k = 0; k < tokens.size(); k++) {
            tokenAt.put(tokens.get(k).start(), k);
        }
        List<int[]> spans = new ArrayList<>();
        for (Match m : matches(words)) {
            for (int p = 0; p < idPrefixes.size(); p++) {
                if (m.entry().id().startsWith(idPrefixes.get(p))) {
                    spans.add(new int[] {tokenAt.get(words.get(m.first()).start()),
                        tokenAt.get(words.get(m.last()).start()), m.prefixLength(), p});
                }
            }
        }
        return spans;
    }

    /**
     * {@link #matches} with each place name two places share read as the one the text points at ({@link PlaceReadings});
     * {@code context} (the body of a title; else empty) is read for cues too, only where the text leaves a name open.
     */
    List<Match> placesRead(List<Token> tokens, String context) {
        return readings.resolve(tokens, matches(tokens), () -> words(context), this::matches);
    }

    private Match matchAt(List<Token> tokens, int i) {
        String first = tokens.get(i).norm();
        Match match = longest(tokens, i, first, 0);
        if (match != null || first.length() < 4 || !ArabicText.isArabicLetter(first.charAt(0))) {
            return match;
        }
        for (int p = 0; match == null && p < CLITICS.length; p++) {
            String prefix = CLITICS[p];
            if (!first.startsWith(prefix) || first.length() - prefix.length() < 3) {
                continue;
            }
            String rest = first.substring(prefix.length());
            match = longest(tokens, i, rest, prefix.length());
            if (match == null && prefix.endsWith("ل") && rest.startsWith("ل")) {
                match = longest(tokens, i, "ا" + rest, 0);  // لل = ل + ال: the mention keeps the whole word
            }
        }
        return match;
    }

    private Match longest(List<Token> tokens, int i, String first, int prefixLength) {
        List<Alias> aliases = byFirstKey.get(first);
        if (aliases == null) {
            return null;
        }
        for (Alias alias : aliases) {
            int n = alias.keys().length;
            if (i + n > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 1; k < n && all; k++) {
                all = alias.keys()[k].equals(tokens.get(i + k).norm());
            }
            if (all && caseAgrees(alias, tokens, i)) {
                return new Match(i, i + n - 1, alias.entry(), prefixLength, alias.underMention());
            }
        }
        return null;
    }

    private static boolean caseAgrees(Alias alias, List<Token> tokens, int i) {
        if (alias.exactCase()) {
            for (int k = 0; k < alias.written().length; k++) {
                if (!alias.written()[k].equals(tokens.get(i + k).text())) {
                    return false;
                }
            }
            return true;
        }
        if (alias.capitalised()) {
            int at = i;
            if (alias.keys().length > 1 && ARTICLES.contains(alias.keys()[0])) {
                at++;  // al-Anbar as well as Al-Anbar
            }
            int cp = tokens.get(at).text().codePointAt(0);
            return Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.isDigit(cp);
        }
        return true;
    }

    // ---- loading

    static EntityCatalog load() {
        EntityCatalog catalog = new EntityCatalog();
        catalog.loadCurated(lines("/catalog/news-entities.tsv"));
        catalog.loadCountries();
        catalog.loadCities();
        Map<String, Map<String, String>> fullNames = catalog.loadSubdivisions(lines("/catalog/subdivisions.tsv"));
        catalog.nameApart(fullNames);
        catalog.index();
        catalog.readings = PlaceReadings.load(catalog, lines("/catalog/place-readings.tsv"));
        return catalog;
    }

    private void loadCurated(List<String> lines) {
        for (String line : lines) {
            String[] cells = line.split("\t", -1);
            if (cells.length != 5) {
                throw new IllegalStateException("catalog/news-entities.tsv: 5 cells expected in '" + line + "'");
            }
            String id = cells[0].strip();
            int rank = id.startsWith("country:") ? COUNTRY : CURATED;
            for (int l = 0; l < LANGUAGES.size(); l++) {
                for (String name : cells[2 + l].split("\\|")) {
                    add(id, cells[1].strip(), LANGUAGES.get(l), name.strip(), rank, false);
                }
            }
        }
    }

    private void loadCountries() {
        for (String lang : LANGUAGES) {
            LocaleDisplayNames display = LocaleDisplayNames.getInstance(new ULocale(lang));
            for (String region : Locale.getISOCountries()) {
                String name = display.regionDisplayName(region);
                if (name != null && !name.equals(region)) {
                    add("country:" + region, "LOCATION", lang, name, COUNTRY, false);
                }
            }
        }
    }

    private void loadCities() {
        Map<String, TimeZoneNames> names = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            names.put(lang, TimeZoneNames.getInstance(new ULocale(lang)));
        }
        for (String zone : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
            String region = TimeZone.getRegion(zone);
            String english = names.get("en").getExemplarLocationName(zone);
            if (region == null || region.length() != 2 || english == null) {
                continue;
            }
            String id = "city:" + region + ":" + slug(english);
            names.forEach((lang, zones) -> {
                String city = zones.getExemplarLocationName(zone);
                if (city != null && city.codePointCount(0, city.length()) >= 4) {
                    add(id, "LOCATION", lang, city, CITY, false);
                }
            });
        }
    }

    /** Loads the subdivisions; returns each one's full name per language (its first: {@code محافظة الأنبار}). */
    private Map<String, Map<String, String>> loadSubdivisions(List<String> lines) {
        Map<String, Map<String, String>> fullNames = new HashMap<>();
        for (String line : lines) {
            String[] cells = line.split("\t", -1);
            String id = "subdivision:" + cells[0].strip();
            for (int l = 0; l < LANGUAGES.size() && l + 1 < cells.length; l++) {
                String lang = LANGUAGES.get(l);
                String[] names = cells[l + 1].split("\\|");
                if (!names[names.length - 1].isBlank()) {
                    entries.computeIfAbsent(id, k -> new Entry(k, "LOCATION", new LinkedHashMap<>())).names()
                            .putIfAbsent(lang, names[names.length - 1].strip());  // الأنبار, not محافظة الأنبار
                    fullNames.computeIfAbsent(id, k -> new HashMap<>()).put(lang, names[0].strip());
                }
                for (String name : names) {
                    add(id, "LOCATION", lang, name.strip(), SUBDIVISION, false);
                    String bare = withoutLatinArticle(name.strip());
                    if (!lang.equals("ar") && bare != null) {
                        add(id, "LOCATION", lang, bare, SUBDIVISION, true);
                    }
                }
            }
        }
        return fullNames;
    }

    /**
     * A subdivision whose short name is also the display name of another entity (the region of Riyadh and the city,
     * both {@code الرياض}, {@code Riyadh}) is shown by its full name ({@code منطقة الرياض}, {@code Riyadh Province}),
     * so that one article's entries never read the same.
     */
    private void nameApart(Map<String, Map<String, String>> fullNames) {
        for (String lang : LANGUAGES) {
            Set<String> shown = new HashSet<>();
            for (Entry e : entries.values()) {
                if (!e.id().startsWith("subdivision:") && e.names().containsKey(lang)) {
                    shown.add(displayKey(e.names().get(lang)));
                }
            }
            for (Map.Entry<String, Map<String, String>> full : fullNames.entrySet()) {
                Entry e = entries.get(full.getKey());
                String name = e.names().get(lang);
                String longer = full.getValue().get(lang);
                if (name != null && longer != null && shown.contains(displayKey(name))
                        && !displayKey(longer).equals(displayKey(name))) {
                    e.names().put(lang, longer);
                }
            }
        }
    }

    private static String displayKey(String name) {
        return String.join(" ", words(name).stream().map(Token::norm).toList());
    }

    /** {@code Al Anbar}, {@code An-Najaf} and {@code As-Sulaymaniya} without their article, else {@code null}. */
    static String withoutLatinArticle(String name) {
        int cut = name.indexOf(name.contains(" ") && (name.indexOf(' ') < name.indexOf('-') || name.indexOf('-') < 0)
                ? ' ' : '-');
        if (cut < 2 || cut > 3) {
            return null;
        }
        String article = name.substring(0, cut).toLowerCase(Locale.ROOT);
        if (!ARTICLES.contains(article)) {
            return null;
        }
        String rest = name.substring(cut + 1).strip();
        return rest.codePointCount(0, rest.length()) >= 4 ? rest : null;
    }

    /**
     * @param name    a name; a curated one written {@code ~ينبع} is also an ordinary word ("stems from"), linked only
     *                under a recogniser's mention
     * @param derived a name made here (an article dropped): never a display name
     */
    private void add(String id, String type, String lang, String name, int rank, boolean derived) {
        boolean underMention = name.startsWith("~");
        name = underMention ? name.substring(1) : name;
        if (name.isEmpty()) {
            return;
        }
        Entry entry = entries.computeIfAbsent(id, k -> new Entry(k, type, new LinkedHashMap<>()));
        if (!derived) {
            entry.names().putIfAbsent(lang, name);
        }
        List<Token> words = words(name);
        if (words.isEmpty()) {
            return;
        }
        if (rank >= CITY && words.size() == 1) {
            String only = words.get(0).norm();
            if (GENERIC.contains(only) || only.length() < 4) {
                return;
            }
        }
        if (rank != CURATED && words.stream().allMatch(w -> GENERIC.contains(w.norm()))) {
            return;  // a description as much as a name: الصحراء الغربية is Western Sahara and any western desert
        }
        String[] keys = words.stream().map(Token::norm).toArray(String[]::new);
        String[] written = words.stream().map(Token::text).toArray(String[]::new);
        boolean exactCase = isAcronym(name);
        int first = name.codePointAt(0);
        boolean capitalised = !exactCase && Character.isUpperCase(first);
        Alias alias = new Alias(keys, exactCase, capitalised, written, entry, underMention);
        String whole = String.join(" ", keys) + (exactCase ? "\u0000" + String.join(" ", written) : "");
        Candidate known = byName.get(whole);
        if (known == null || rank < known.rank()) {
            byName.put(whole, new Candidate(alias, rank, false));
        } else if (rank == known.rank() && !known.alias().entry().id().equals(id) && rank != CURATED) {
            byName.put(whole, new Candidate(known.alias(), rank, true));
        }
    }

    private static boolean isAcronym(String name) {
        int letters = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    private void index() {
        for (Candidate c : byName.values()) {
            if (!c.ambiguous()) {
                byFirstKey.computeIfAbsent(c.alias().keys()[0], k -> new ArrayList<>()).add(c.alias());
            }
        }
        for (Candidate c : List.copyOf(byName.values())) {
            String[] keys = c.alias().keys();
            if (!c.ambiguous() && c.rank() == COUNTRY && keys.length == 1 && keys[0].startsWith("ال")
                    && keys[0].length() >= 5 && !byName.containsKey(keys[0].substring(2))) {
                byFirstKey.computeIfAbsent(keys[0].substring(2), k -> new ArrayList<>()).add(c.alias());  // عراق
            }
        }
        byFirstKey.values().forEach(list -> list.sort((a, b) -> b.keys().length - a.keys().length));
        byName.clear();
    }

    static String slug(String name) {
        String folded = key(name.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = EntityCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
