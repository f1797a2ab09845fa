package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.khabar.model.CanonicalEntity;
import dev.khabar.model.Entity;

/**
 * Merges an article's mentions into canonical entities: the recogniser's mentions and the catalogue's names found in the
 * body are grouped by catalogue id, else by type and matching form; a later mention whose words end the name of one
 * person named earlier joins that person. A MISC mention linked to a curated entry takes the entry's type, so that a
 * record gives one type to one entity ({@code فيسبوك}, which ANERcorp's convention tags MISC, is {@code org:facebook}).
 * Knows nothing of Kafka; safe for concurrent use.
 */
public final class EntityLinker {

    /** Confidence of a catalogue name found in the body that no recogniser mention covers. */
    static final double CATALOGUE_CONFIDENCE = 0.9;
    private static final int MIN_SURNAME_LENGTH = 4;
    /** First words of a compound name, in matching form: what follows is not a name alone ({@code عبد العاطي}). */
    private static final Set<String> BOUND = Set.of("عبد", "ابو", "ام", "abd", "abdel", "abdul", "abdoul", "abu",
            "abou", "aboul");
    /** Kinship particles, in matching form: after a given name, what follows names the father. */
    private static final Set<String> KIN = Set.of("بن", "ابن", "بنت", "bin", "ibn", "ben", "bint");
    /** Other words that name no one alone: articles and nobiliary particles. */
    private static final Set<String> PARTICLES = Set.of("al", "el", "de", "du", "des", "di", "da", "del", "della",
            "dos", "van", "von", "der", "den", "le", "la");

    /**
     * The canonical entities of an article and its mentions pointing at them.
     *
     * @param entities  the mentions as given, each with {@link Entity#canonical()} set (and a MISC one linked to a
     *                  curated entry with the entry's type)
     * @param canonical most salient first: more mentions, then earlier first mention
     */
    public record Linked(List<Entity> entities, List<CanonicalEntity> canonical) {
    }

    private final EntityCatalog catalog;

    EntityLinker(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    private static final class Holder {
        static final EntityLinker STANDARD = new EntityLinker(EntityCatalog.standard());
    }

    /** The linker over the bundled catalogue, loaded once. */
    public static EntityLinker standard() {
        return Holder.STANDARD;
    }

    /** Identifies the catalogue, recorded on every enriched record. */
    public String version() {
        return "catalog-3 (" + catalog.size() + " entities)";
    }

    private static final class Unit {
        final int start;
        final int end;
        final String text;
        final String type;
        double confidence;
        final EntityCatalog.Entry entry;
        final String key;
        final List<Integer> raws = new ArrayList<>(1);
        Group group;

        Unit(int start, int end, String text, String type, double confidence, EntityCatalog.Entry entry, String key) {
            this.start = start;
            this.end = end;
            this.text = text;
            this.type = type;
            this.confidence = confidence;
            this.entry = entry;
            this.key = key;
        }
    }

    private static final class Group {
        final List<Unit> units = new ArrayList<>();
        EntityCatalog.Entry entry;
        String type;
        int index;
    }

    /**
     * @param body     the article's text; offsets of {@code mentions} are code points into it
     * @param language BCP-47 code of the body, for display names
     * @param mentions the recogniser's mentions, sorted by start
     */
    public Linked link(String body, String language, List<Entity> mentions) {
        return link(body, language, mentions, word -> false);
    }

    /**
     * As {@link #link(String, String, List)}; a one-word catalogue name that no mention covers and that
     * {@code ordinaryWord} says is an ordinary word of the language (given in the tokens' matching form) is linked only
     * where a mention in the article was linked to the same entry.
     */
    public Linked link(String body, String language, List<Entity> mentions, Predicate<String> ordinaryWord) {
        return link(body, language, mentions, ordinaryWord, "");
    }

    /**
     * As {@link #link(String, String, List, Predicate)} for a text read with another ({@code context}: the body of a
     * title), which also tells which place a name two places share stands for ({@code عمان}: Oman or Amman).
     */
    public Linked link(String body, String language, List<Entity> mentions, Predicate<String> ordinaryWord,
                       String context) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        List<Token> words = EntityCatalog.words(body);
        List<EntityCatalog.Match> found = catalog.placesRead(words, context);
        List<int[]> spans = new ArrayList<>(found.size());
        for (EntityCatalog.Match m : found) {
            Token first = words.get(m.first());
            spans.add(new int[] {first.start() + ModelRecognizer.originalLength(first.text(), m.prefixLength()),
                words.get(m.last()).end()});
        }
        List<Unit> units = new ArrayList<>();
        Unit[] spanUnits = new Unit[found.size()];
        boolean[] used = new boolean[found.size()];
        int from = 0;
        for (int r = 0; r < mentions.size(); r++) {
            Entity e = mentions.get(r);
            while (from < spans.size() && spans.get(from)[1] <= e.start()) {
                from++;
            }
            int chosen = -1;
            int best = 0;
            for (int c = from; c < spans.size() && spans.get(c)[0] < e.end(); c++) {
                int overlap = Math.min(e.end(), spans.get(c)[1]) - Math.max(e.start(), spans.get(c)[0]);
                if (overlap <= 0) {
                    continue;
                }
                used[c] = true;
                if (fathersName(words, found.get(c), e)) {
                    continue;
                }
                boolean covers = spans.get(c)[0] <= e.start() && spans.get(c)[1] >= e.end();
                boolean sameType = found.get(c).entry().type().equals(e.type());
                boolean exact = spans.get(c)[0] == e.start() && spans.get(c)[1] == e.end();
                // a MISC mention exactly on a place's name is another thing: يورو (euro) is not Yoro; curated
                // entries keep it (البيت الأبيض, MISC in ANERcorp's convention, is the White House); so is an
                // organisation in quotes exactly on a curated place's name: «الشرق الأوسط», the newspaper (unquoted,
                // the model's organisation is more often the place misread: كوباني)
                boolean otherThing = exact && !sameType && (e.type().equals("MISC")
                        && !EntityCatalog.isCurated(found.get(c).entry())
                        || e.type().equals("ORGANIZATION") && found.get(c).entry().id().startsWith("place:")
                        && quoted(body, e));
                if ((covers || sameType) && !otherThing && overlap > best) {
                    best = overlap;
                    chosen = c;
                }
            }
            if (chosen >= 0 && spans.get(chosen)[0] <= e.start() && spans.get(chosen)[1] >= e.end()
                    && spans.get(chosen)[1] - spans.get(chosen)[0] > e.end() - e.start()) {
                // a part of a longer catalogue name (كردستان in كردستان العراق): one mention, the whole name
                if (spanUnits[chosen] == null) {
                    spanUnits[chosen] = spanUnit(body, spans.get(chosen), found.get(chosen).entry(), e.confidence());
                    units.add(spanUnits[chosen]);
                }
                spanUnits[chosen].raws.add(r);
                spanUnits[chosen].confidence = Math.max(spanUnits[chosen].confidence, e.confidence());
            } else {
                Unit u = new Unit(e.start(), e.end(), e.text(), e.type(), e.confidence(),
                        chosen < 0 ? null : found.get(chosen).entry(), matchKey(e.text()));
                u.raws.add(r);
                units.add(u);
            }
        }
        Set<String> linked = new HashSet<>();
        units.forEach(u -> {
            if (u.entry != null) {
                linked.add(u.entry.id());
            }
        });
        for (int c = 0; c < found.size(); c++) {
            // a one-word subdivision name no mention found is most often an ordinary word: مدينة (Mdina, Malta),
            // صباح (Sabah), معسكر (Mascara), الظاهرة; cities and countries found this way are real places, except
            // those the catalogue marks as ordinary words too (ينبع, "stems from")
            EntityCatalog.Match m = found.get(c);
            boolean oneWord = m.first() == m.last();
            boolean subdivisionWord = oneWord && m.entry().id().startsWith("subdivision:");
            // a one-word name that is more often an ordinary word of the language (مالي, "financial"; Mali) is linked
            // only where a mention elsewhere in the article found that entity (في مالي … حكومة مالي)
            boolean ordinary = oneWord && !linked.contains(m.entry().id())
                    && ordinaryWord.test(words.get(m.first()).norm().substring(m.prefixLength()));
            if (!used[c] && !subdivisionWord && !ordinary && !m.underMention()) {
                units.add(spanUnit(body, spans.get(c), found.get(c).entry(), CATALOGUE_CONFIDENCE));
            }
        }
        addSurnames(body, words, units);
        units.sort(Comparator.comparingInt((Unit u) -> u.start));
        List<Group> groups = group(units);
        return result(groups, mentions, units, lang);
    }

    private static Unit spanUnit(String body, int[] span, EntityCatalog.Entry entry, double confidence) {
        String text = substring(body, span[0], span[1]);
        return new Unit(span[0], span[1], text, entry.type(), confidence, entry, matchKey(text));
    }

    /**
     * Later one-word mentions of a catalogue person's last name that the recogniser did not find; not a name after a
     * kinship particle or the first word of a compound ({@code سلمان} of {@code محمد بن سلمان}, {@code العزيز}).
     */
    private static void addSurnames(String body, List<Token> words, List<Unit> units) {
        Map<String, Unit> surnames = new HashMap<>();
        for (Unit u : units) {
            if (u.entry != null && u.entry.type().equals("PERSON")) {
                List<Token> name = EntityCatalog.words(u.text);
                if (name.size() > 1) {
                    Token last = name.get(name.size() - 1);
                    String before = name.get(name.size() - 2).norm();
                    boolean own = !BOUND.contains(before) && !(name.size() > 2 && KIN.contains(before));
                    if (own && last.norm().length() >= MIN_SURNAME_LENGTH) {
                        surnames.merge(last.norm(), u, (a, b) -> a.start <= b.start ? a : b);
                    }
                }
            }
        }
        if (surnames.isEmpty()) {
            return;
        }
        List<int[]> taken = new ArrayList<>();
        units.forEach(u -> taken.add(new int[] {u.start, u.end}));
        for (Token t : words) {
            Unit person = surnames.get(t.norm());
            if (person == null || t.start() <= person.start || overlaps(taken, t.start(), t.end())) {
                continue;
            }
            if (!ArabicText.isArabicLetter(t.text().charAt(0)) && !Character.isUpperCase(t.text().codePointAt(0))) {
                continue;
            }
            units.add(new Unit(t.start(), t.end(), substring(body, t.start(), t.end()), "PERSON", CATALOGUE_CONFIDENCE,
                    person.entry, t.norm()));
        }
    }

    /**
     * Whether a catalogue name inside a longer mention follows its kinship word: متعب بن عبد الله بن عبد العزيز is
     * King Abdullah's son, not the king.
     */
    private static boolean fathersName(List<Token> words, EntityCatalog.Match match, Entity mention) {
        int before = match.first() - 1;
        return match.prefixLength() == 0 && before >= 0 && words.get(before).start() >= mention.start()
                && KIN.contains(words.get(before).norm());
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (s[0] < end && start < s[1]) {
                return true;
            }
        }
        return false;
    }

    private static List<Group> group(List<Unit> units) {
        Map<String, Group> byId = new LinkedHashMap<>();
        Map<String, Group> byKey = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (Unit u : units) {
            Group g = u.entry != null ? byId.get(u.entry.id()) : byKey.get(u.type + "\u0000" + u.key);
            if (g == null) {
                g = new Group();
                g.entry = u.entry;
                g.type = u.entry != null ? u.entry.type() : u.type;
                groups.add(g);
                if (u.entry != null) {
                    byId.put(u.entry.id(), g);
                } else {
                    byKey.put(u.type + "\u0000" + u.key, g);
                }
            }
            g.units.add(u);
            u.group = g;
        }
        mergeTails(groups);
        return groups;
    }

    /**
     * A name without an id whose words end the name of one person named before it joins that person
     * ({@code بدر عبد العاطي} … {@code عبد العاطي}, {@code Ursula von der Leyen} … {@code von der Leyen}); a one-word
     * name of another type too (a surname the model mistyped). Never particles only, nor half a compound
     * ({@code العاطي} of {@code عبد العاطي}), nor a name after a kinship particle, which is the father's ({@code سلمان}
     * in {@code محمد بن سلمان}). Where the words end the names of two persons (the father counting as one), a longer
     * name is left alone and one word joins the person named first, as it always has: a stray mention
     * ({@code سألنا إيفانز}) must not split a surname the article repeats.
     */
    private static void mergeTails(List<Group> groups) {
        Map<String, List<PersonName>> byLastWord = new HashMap<>();  // the persons' names, by last word
        for (Group p : groups) {
            for (Unit u : p.type.equals("PERSON") ? p.units : List.<Unit>of()) {
                String[] words = u.key.split(" ");
                byLastWord.computeIfAbsent(withoutArticle(words[words.length - 1]), k -> new ArrayList<>())
                        .add(new PersonName(p, u.start, words));
            }
        }
        List<Group> shorts = new ArrayList<>(groups.stream().filter(g -> g.entry == null).toList());
        shorts.sort(Comparator.comparingInt((Group g) -> -g.units.get(0).key.split(" ").length));
        Map<Group, Group> into = new HashMap<>();
        for (Group g : shorts) {
            String[] tail = g.units.get(0).key.split(" ");
            if (!g.type.equals("PERSON") && tail.length > 1 || !isName(tail)) {
                continue;
            }
            int first = g.units.get(0).start;
            Map<Group, Integer> named = new HashMap<>();  // each person whose name ends so, and where first named so
            boolean father = false;
            for (PersonName p : byLastWord.getOrDefault(withoutArticle(tail[tail.length - 1]), List.of())) {
                String[] name = p.words();
                int at = name.length - tail.length;
                if (p.person() == g || at <= 0 || !endsWith(name, tail) || BOUND.contains(name[at - 1])) {
                    continue;
                }
                if (at > 1 && KIN.contains(name[at - 1])) {
                    father = true;
                } else {
                    named.merge(root(p.person(), into), p.start(), Math::min);
                }
            }
            if (tail.length > 1 && (father || named.size() > 1)) {
                continue;
            }
            Group person = null;
            for (Map.Entry<Group, Integer> e : named.entrySet()) {
                if (e.getValue() < first && (person == null || e.getValue() < named.get(person))) {
                    person = e.getKey();
                }
            }
            if (person != null) {
                into.put(g, person);
                person.units.addAll(g.units);
                person.units.sort(Comparator.comparingInt((Unit u) -> u.start));
                for (Unit u : g.units) {
                    u.group = person;
                }
            }
        }
        groups.removeAll(into.keySet());
    }

    /** A person's name as one mention wrote it: its group, where it starts, its words in matching form. */
    private record PersonName(Group person, int start, String[] words) {
    }

    private static Group root(Group g, Map<Group, Group> into) {
        Group root = g;
        while (into.containsKey(root)) {
            root = into.get(root);
        }
        return root;
    }

    /** Whether a name's last words are {@code tail}, the article off the first of them as in {@link #matchKey}. */
    private static boolean endsWith(String[] name, String[] tail) {
        int at = name.length - tail.length;
        if (!withoutArticle(name[at]).equals(tail[0])) {
            return false;
        }
        for (int i = 1; i < tail.length; i++) {
            if (!name[at + i].equals(tail[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the words of a matching form can name a person alone: not particles only, four letters or more. */
    private static boolean isName(String[] words) {
        int letters = 0;
        boolean word = false;
        for (String w : words) {
            letters += w.length();
            word |= !BOUND.contains(w) && !KIN.contains(w) && !PARTICLES.contains(w);
        }
        return word && letters >= MIN_SURNAME_LENGTH;
    }

    /** Whether a name is written in capitals ({@code VALENCIA}, {@code NATO}), or is empty. */
    private static boolean inCapitals(String name) {
        return name.codePoints().noneMatch(Character::isLowerCase);
    }

    private static Linked result(List<Group> groups, List<Entity> mentions, List<Unit> units, String lang) {
        List<Group> ranked = new ArrayList<>(groups);
        ranked.sort(Comparator.comparingInt((Group g) -> -g.units.size()).thenComparingInt(g -> g.units.get(0).start));
        List<CanonicalEntity> canonical = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Group g = ranked.get(i);
            g.index = i;
            Set<String> aliases = new LinkedHashSet<>();
            double confidence = 0;
            String shown = "";
            for (Unit u : g.units) {
                aliases.add(u.text);
                confidence = Math.max(confidence, u.confidence);
                boolean shouted = inCapitals(u.text);
                if (inCapitals(shown) != shouted ? !shouted : u.text.length() > shown.length()) {
                    shown = u.text;  // Valencia over a dateline's VALENCIA, else the longest form
                }
            }
            String name = g.entry != null ? g.entry.name(lang) : shown;
            canonical.add(new CanonicalEntity(g.entry == null ? null : g.entry.id(), name, g.type, g.units.size(),
                    g.units.get(0).start, List.copyOf(aliases), Math.min(1.0, confidence)));
        }
        Entity[] linked = mentions.toArray(new Entity[0]);
        for (Unit u : units) {
            for (int r : u.raws) {
                Entity e = mentions.get(r);
                boolean whole = u.start == e.start() && u.end == e.end();  // not a part of a longer name
                if (e.type().equals("MISC") && whole && u.group.entry != null
                        && EntityCatalog.isCurated(u.group.entry)) {
                    // فيسبوك, البيت الأبيض: ANERcorp's MISC, the catalogue's organisation; a record says one type
                    e = new Entity(e.text(), u.group.type, e.start(), e.end(), e.confidence(), e.source());
                }
                linked[r] = e.withCanonical(u.group.index);
            }
        }
        return new Linked(List.of(linked), canonical);
    }

    /** The matching form of a mention: its words' keys, a leading Arabic article or clitic left out. */
    static String matchKey(String text) {
        List<Token> words = EntityCatalog.words(text);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String k = words.get(i).norm();
            if (i == 0) {
                k = withoutArticle(k);
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(k);
        }
        return key.toString();
    }

    private static String withoutArticle(String key) {
        return key.startsWith("ال") && key.length() >= 5 ? key.substring(2) : key;
    }

    /** Whether the mention opens right after a quotation mark: {@code لـ«الشرق الأوسط»}. */
    private static boolean quoted(String body, Entity mention) {
        int at = body.offsetByCodePoints(0, mention.start());
        return at > 0 && "«\"“".indexOf(body.charAt(at - 1)) >= 0;
    }

    private static String substring(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }
}
