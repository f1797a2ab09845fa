package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    private FacilityRule() {
    }

    /**
     * Spans {first, last} of facility names (token indices, inclusive). A one-word name that {@code commonWord} says
     * is a common word is left out: {@code معسكر الفريق} is the team's training camp, {@code مطار الملك …} the start
     * of a longer name.
     */
    static List<int[]> find(List<Token> tokens, Clitics.Split[] splits, Predicate<String> commonWord) {
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
            if (first == last && commonWord.test(splits[first].rest())) {
                continue;
            }
            spans.add(new int[] {first, last});
            i = last;
        }
        return spans;
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
