package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Names of bases, airports, camps, crossings, ports and prisons after their trigger noun in construct state
 * ({@code قاعدة X}, {@code مطار X}, {@code مخيم X} ...): one bare word, then up to two words with the article that are not
 * relational adjectives ({@code الجوية}, {@code الأمريكي}). Such names are rare in the training data and often unseen.
 */
final class FacilityRule {

    private static final Set<String> TRIGGERS = Set.of("قاعده", "مطار", "معسكر", "مخيم", "معبر", "ميناء", "سجن");
    private static final Set<String> STOP = Set.of("في", "من", "الي", "علي", "عن", "مع", "او", "ام", "ان", "الذي", "التي",
            "الذين", "هذه", "هذا", "ذلك", "تلك", "بين", "عند", "منذ", "حيث", "كما", "ثم", "لا", "لم", "لن", "قد", "كل", "بعض",
            "غير", "عسكريه", "جويه", "بحريه", "جديده", "كبيره", "رئيسيه", "ضخمه", "سريه", "بيانات", "شعبيه", "عامه", "اساسيه");

    /** Words for the people a camp or base holds, not its place: {@code معسكر المنتخب} is the national team's camp. */
    private static final Set<String> GROUPS = Set.of("المنتخب", "الفريق", "النادي", "اللاعبين", "اللاجئين",
            "النازحين");

    private static final int LOCATION = Gazetteer.TYPES.indexOf("LOCATION");
    private static final int ORGANIZATION = Gazetteer.TYPES.indexOf("ORGANIZATION");
    private static final Map<String, Integer> NAMED_TRIGGERS = Map.ofEntries(Map.entry("مطار", LOCATION),
            Map.entry("قاعده", LOCATION), Map.entry("ميناء", LOCATION), Map.entry("جسر", LOCATION),
            Map.entry("شارع", LOCATION), Map.entry("طريق", LOCATION), Map.entry("مدينه", LOCATION),
            Map.entry("مستشفي", ORGANIZATION), Map.entry("جامعه", ORGANIZATION), Map.entry("مركز", ORGANIZATION),
            Map.entry("مجمع", ORGANIZATION));
    private static final Set<String> TITLES = Set.of("الملك", "الامير", "الشيخ", "الامام", "الملكه", "السلطان");
    private static final Set<String> LINKS = Set.of("عبد", "بن", "ال", "ابو", "ابي", "ابن");

    private FacilityRule() {
    }

    /** Whether {@code norm}, a word in the matching form, is a trigger noun of this rule ({@code مطار}, {@code معسكر}). */
    static boolean isTrigger(String norm) {
        return TRIGGERS.contains(norm);
    }

    /**
     * Spans {first, last} of facility names (token indices, inclusive). A one-word name that {@code commonWord} says
     * (of its token index) is a common word or an adjective, or a word for the people held there, is left out: {@code
     * معسكر الفريق} and {@code معسكر المنتخب} are a team's training camp, {@code معسكر إعدادي} a training camp, {@code
     * مخيم اللاجئين} a refugee camp, {@code مطار الملك …} the start of a longer name.
     */
    static List<int[]> find(List<Token> tokens, Clitics.Split[] splits, IntPredicate commonWord) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!TRIGGERS.contains(splits[i].rest())) {
                continue;
            }
            int first = i + 1;
            if (!nameWord(tokens.get(first), splits[first]) || splits[first].rest().startsWith("ال")
                    && relationalAdjective(splits[first].rest())) {
                continue;
            }
            int last = first;
            while (last + 1 < tokens.size() && last - first < 2 && nameWord(tokens.get(last + 1), splits[last + 1])
                    && splits[last + 1].rest().startsWith("ال") && !relationalAdjective(splits[last + 1].rest())) {
                last++;
            }
            if (first == last && (commonWord.test(first) || GROUPS.contains(splits[first].rest()))) {
                continue;
            }
            spans.add(new int[] {first, last});
            i = last;
        }
        return spans;
    }

    /**
     * Places and institutions named after a royal or a religious figure, trigger noun included, for without it the name
     * reads as the person's: {@code مطار الملك عبد العزيز الدولي}, {@code مستشفى الملك فيصل التخصصي}, {@code جامعة الإمام
     * محمد بن سعود}, {@code قاعدة الملك خالد الجوية}. The trigger, then a title ({@code الملك}, {@code الأمير}, {@code الشيخ},
     * {@code الإمام} …), then up to five words of the name (given names, {@code عبد}, {@code بن}, {@code آل}, {@code أبو}
     * and the word after each), then at most one relational adjective ({@code الدولي}). Spans {first, last, type,
     * prefixLength}: the trigger's clitic prefix ({@code بمستشفى}) is left out.
     */
    static List<int[]> namedAfter(List<Token> tokens, Clitics.Split[] splits, Predicate<String> givenName) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Integer type = NAMED_TRIGGERS.get(splits[i].rest());
            if (type == null || !TITLES.contains(tokens.get(i + 1).norm())) {
                continue;
            }
            int last = i + 1;
            while (last + 1 < tokens.size() && last - i < 6 && personWord(tokens, last + 1, givenName)) {
                last++;
            }
            if (last == i + 1) {
                continue;
            }
            String next = last + 1 < tokens.size() ? tokens.get(last + 1).norm() : "";
            if (next.startsWith("ال") && relationalAdjective(next)) {
                last++;
            }
            spans.add(new int[] {i, last, type, splits[i].visiblePrefixLength()});
            i = last;
        }
        return spans;
    }

    /** A word of a person's name after a title: a given name, عبد, بن, آل or أبو, or any word right after one of those. */
    private static boolean personWord(List<Token> tokens, int k, Predicate<String> givenName) {
        String norm = tokens.get(k).norm();
        if (norm.isEmpty() || !ArabicText.isArabicLetter(norm.codePointAt(0)) || STOP.contains(norm)) {
            return false;
        }
        return LINKS.contains(norm) || LINKS.contains(tokens.get(k - 1).norm()) || givenName.test(norm);
    }

    private static boolean nameWord(Token token, Clitics.Split split) {
        String norm = token.norm();
        return !norm.isEmpty() && ArabicText.isArabicLetter(norm.codePointAt(0)) && split.prefixLength() == 0
                && norm.length() >= 3 && !STOP.contains(norm);
    }

    /** Nisba adjectives and plurals: الجويه, الامريكي, الامريكيين, العسكريون. */
    private static boolean relationalAdjective(String norm) {
        return norm.endsWith("يه") || norm.endsWith("ي") || norm.endsWith("يين") || norm.endsWith("يون")
                || norm.endsWith("يات") || STOP.contains(norm.substring(2));
    }
}
