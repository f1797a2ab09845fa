package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Place names two places share, read as the place the article itself points at: {@code عمان} is Oman, but Amman in
 * {@code العاصمة الأردنية عمّان} or in an article about Jordan; {@code طرابلس} is Libya's capital, but Lebanon's Tripoli
 * beside {@code صيدا}. The catalogue gives such a name to one entity only (a country wins over a city); this reads it
 * again, from {@code catalog/place-readings.tsv}: a written form that says which place it is ({@code عمّان}, with its
 * shadda), else the place named right after it ({@code عمان في الأردن}), a list of countries or a cue word right before
 * or after the name ({@code سلطنة عمان}, {@code أمانة عمان}), else the reading
 * whose cues (its country and that country's places in the catalogue, its cue words) the article names most, else the
 * first reading.
 */
final class PlaceReadings {

    private static final int NEAR = 2;
    /** Words that say "in" between a place's name and the place that holds it ({@code عمان في الأردن}). */
    private static final Set<String> IN = Set.of("في", "in", "en", "au", "aux", "à", "dans");
    private static final Set<String> AND = Set.of("و", "and", "et");
    private static final Pattern VOWEL_MARKS = Pattern.compile("[\u064B-\u0650\u0652]");

    /** One place a shared name may stand for. */
    private record Reading(EntityCatalog.Entry entry, String country, Set<String> cues, Set<String> near,
                           Set<String> forms) {
    }

    private final Map<String, List<Reading>> byName;
    /** The entries the catalogue gives shared names to: only their matches are looked at again. */
    private final Set<String> owners;

    private PlaceReadings(Map<String, List<Reading>> byName) {
        this.byName = byName;
        this.owners = byName.values().stream().map(r -> r.get(0).entry().id()).collect(Collectors.toUnmodifiableSet());
    }

    /** The readings of {@code catalog/place-readings.tsv}, each an entry of {@code catalog}. */
    static PlaceReadings load(EntityCatalog catalog, List<String> lines) {
        Map<String, List<Reading>> byName = new HashMap<>();
        for (String line : lines) {
            String[] cells = line.split("\t", -1);
            EntityCatalog.Entry entry = cells.length == 5 ? catalog.entry(cells[1].strip()) : null;
            if (entry == null) {
                throw new IllegalStateException("catalog/place-readings.tsv: 5 cells and a catalogue id expected in '"
                        + line + "'");
            }
            Set<String> cues = new HashSet<>();
            Set<String> near = new HashSet<>();
            for (String cue : cells[3].split("\\|")) {
                (cue.endsWith("<") ? near : cues).addAll(keys(cue.replace("<", "")));
            }
            near.addAll(cues);
            Set<String> forms = new HashSet<>(List.of(cells[4].split("\\|")));
            forms.remove("");
            List<Reading> readings = byName.computeIfAbsent(String.join(" ", keys(cells[0])), k -> new ArrayList<>());
            EntityCatalog.Entry own = catalog.wholeName(cells[0].strip());
            if (readings.isEmpty() && (own == null || own != entry)) {
                throw new IllegalStateException("catalog/place-readings.tsv: the first row of '" + cells[0]
                        + "' must be the catalogue's own reading of it, " + (own == null ? "none" : own.id()));
            }
            readings.add(new Reading(entry, cells[2].strip(), cues, near, forms));
        }
        return new PlaceReadings(Map.copyOf(byName));
    }

    private static List<String> keys(String text) {
        return EntityCatalog.words(text.strip()).stream().map(Token::norm).toList();
    }

    /**
     * {@code found} (names found in {@code words} by {@link EntityCatalog#matches}) with each shared place name read as
     * its place; cues are counted in {@code words} and, where that leaves a name open, in the words of {@code context}
     * (the body, when {@code words} is its title) with the names {@code matcher} finds in them.
     */
    List<EntityCatalog.Match> resolve(List<Token> words, List<EntityCatalog.Match> found,
                                      Supplier<List<Token>> context,
                                      Function<List<Token>, List<EntityCatalog.Match>> matcher) {
        List<EntityCatalog.Match> out = null;
        Map<List<Reading>, Reading> byArticle = new IdentityHashMap<>();  // the article's cues, counted once a name
        for (int m = 0; m < found.size(); m++) {
            EntityCatalog.Match match = found.get(m);
            List<Reading> readings = owners.contains(match.entry().id()) ? byName.get(name(words, match)) : null;
            if (readings == null) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(found);
            }
            Reading chosen = written(words.get(match.first()).text(), readings);
            chosen = chosen != null ? chosen : nextTo(words, found, m, readings);
            if (chosen == null) {
                chosen = byArticle.computeIfAbsent(readings, r -> {
                    List<Token> contextWords = context.get();
                    int[] score = new int[r.size()];
                    count(words, found, r, score);
                    count(contextWords, contextWords.isEmpty() ? List.of() : matcher.apply(contextWords), r, score);
                    return r.get(best(score));
                });
            }
            out.set(m, new EntityCatalog.Match(match.first(), match.last(), chosen.entry(), match.prefixLength(),
                    match.underMention()));
        }
        return out == null ? found : out;
    }

    /** Whether a match is one of the shared names. */
    private boolean shared(List<Token> words, EntityCatalog.Match match) {
        return owners.contains(match.entry().id()) && byName.containsKey(name(words, match));
    }

    private static String name(List<Token> words, EntityCatalog.Match match) {
        StringBuilder name = new StringBuilder(words.get(match.first()).norm().substring(match.prefixLength()));
        for (int i = match.first() + 1; i <= match.last(); i++) {
            name.append(' ').append(words.get(i).norm());
        }
        return name.toString();
    }

    private static Reading written(String text, List<Reading> readings) {
        String marked = VOWEL_MARKS.matcher(text).replaceAll("");  // عمَّان as عمّان: the shadda is what tells
        for (Reading r : readings) {
            for (String form : r.forms()) {
                if (marked.endsWith(form)) {
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * The one reading that what stands next to the name points at, else null: the place named right after it ({@code
     * عمان في الأردن}); a country the name is listed with, which makes it the country ({@code والبحرين وعمان واليمن}); or
     * the nearest cue word before or after it, two words at most ({@code العاصمة الأردنية عمان}).
     */
    private Reading nextTo(List<Token> words, List<EntityCatalog.Match> found, int m, List<Reading> readings) {
        EntityCatalog.Match match = found.get(m);
        boolean afterList = m > 0 && listed(words, found.get(m - 1), match);
        Reading placed = placedIn(words, found, m, readings, afterList);
        if (placed != null) {
            return placed;
        }
        if (afterList || (m + 1 < found.size() && listed(words, match, found.get(m + 1)))) {
            List<Reading> countries = readings.stream().filter(r -> r.entry().id().startsWith("country:")).toList();
            if (countries.size() == 1) {
                return countries.get(0);
            }
        }
        for (int d = 1; d <= NEAR; d++) {
            Set<Reading> chosen = new HashSet<>();
            for (int i : new int[] {match.first() - d, match.last() + d}) {
                for (Reading r : readings) {
                    if (i >= 0 && i < words.size() && isCue(words.get(i).norm(), r.near())) {
                        chosen.add(r);
                    }
                }
            }
            if (!chosen.isEmpty()) {
                return chosen.size() == 1 ? chosen.iterator().next() : null;
            }
        }
        return null;
    }

    /**
     * The one reading whose country holds the place named right after the name, else null: {@code عمان في الأردن},
     * {@code Tripoli, en Libye}, {@code Amman, Jordan}. A comma alone does not say "in" after a list of countries, nor
     * before one ({@code Oman, Jordan and Egypt}).
     */
    private Reading placedIn(List<Token> words, List<EntityCatalog.Match> found, int m, List<Reading> readings,
                             boolean afterList) {
        if (m + 1 >= found.size()) {
            return null;
        }
        EntityCatalog.Match match = found.get(m);
        EntityCatalog.Match place = found.get(m + 1);
        int between = place.first() - match.last() - 1;
        boolean preposition = false;
        for (int i = match.last() + 1; i < place.first(); i++) {
            String word = words.get(i).norm();
            preposition |= IN.contains(word);
            if (!IN.contains(word) && !word.equals(",") && !word.equals("،")) {
                return null;
            }
        }
        String prefix = words.get(place.first()).norm().substring(0, place.prefixLength());
        boolean joined = prefix.startsWith("و");
        preposition |= prefix.endsWith("ب");  // عمان بالأردن
        if (between > 2 || joined || shared(words, place) || !preposition && (between == 0 || afterList
                || m + 2 < found.size() && listed(words, place, found.get(m + 2)))) {
            return null;
        }
        Reading placed = null;
        for (Reading r : readings) {
            if (inCountry(place.entry().id(), r.country())) {
                if (placed != null) {
                    return null;
                }
                placed = r;
            }
        }
        return placed;
    }

    /** Whether {@code second} follows {@code first} in a list of countries: after a comma or "and", or joined by و. */
    private boolean listed(List<Token> words, EntityCatalog.Match first, EntityCatalog.Match second) {
        EntityCatalog.Match other = shared(words, first) ? second : first;
        if (!other.entry().id().startsWith("country:") || shared(words, other)) {
            return false;
        }
        int between = second.first() - first.last() - 1;
        if (between == 1) {
            String mark = words.get(first.last() + 1).norm();
            return mark.equals("،") || mark.equals(",") || AND.contains(mark);
        }
        return between == 0 && second.prefixLength() > 0 && words.get(second.first()).norm().startsWith("و");
    }

    /** Adds to {@code score} each reading's cues in a text: names of its country's places, and cue words outside names. */
    private void count(List<Token> words, List<EntityCatalog.Match> found, List<Reading> readings, int[] score) {
        boolean[] inName = new boolean[words.size()];
        for (EntityCatalog.Match match : found) {
            for (int i = match.first(); i <= match.last(); i++) {
                inName[i] = true;
            }
            if (shared(words, match)) {
                continue;  // a shared name is no cue for itself
            }
            for (int r = 0; r < readings.size(); r++) {
                score[r] += inCountry(match.entry().id(), readings.get(r).country()) ? 1 : 0;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            for (int r = 0; r < readings.size() && !inName[i]; r++) {
                score[r] += isCue(words.get(i).norm(), readings.get(r).cues()) ? 1 : 0;
            }
        }
    }

    /** The one reading scored highest, else the first (the catalogue's own reading of the name). */
    private static int best(int[] score) {
        int best = 0;
        int ties = 0;
        for (int r = 0; r < score.length; r++) {
            if (score[r] > score[best]) {
                best = r;
                ties = 0;
            } else if (r > 0 && score[r] == score[best]) {
                ties++;
            }
        }
        return ties == 0 ? best : 0;
    }

    private static boolean inCountry(String id, String country) {
        return id.equals("country:" + country) || id.startsWith("city:" + country + ":")
                || id.startsWith("subdivision:" + country + "-");
    }

    /** Whether a word in matching form is a cue, a clitic prefix allowed ({@code والأردنية}, {@code للبنانيين}). */
    private static boolean isCue(String word, Set<String> cues) {
        if (cues.contains(word)) {
            return true;
        }
        for (String prefix : EntityCatalog.CLITICS) {
            if (word.length() > prefix.length() + 2 && word.startsWith(prefix)) {
                String rest = word.substring(prefix.length());
                if (cues.contains(rest) || (prefix.endsWith("ل") && rest.startsWith("ل") && cues.contains("ا" + rest))) {
                    return true;
                }
            }
        }
        return false;
    }
}
