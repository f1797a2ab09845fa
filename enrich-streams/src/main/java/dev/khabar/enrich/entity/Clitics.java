package dev.khabar.enrich.entity;

import java.util.Map;
import java.util.Set;

/**
 * Splits Arabic proclitics (و ف ب ك ل, their pairs, and لل for ل + ال) off a normalised word, only where the remainder is
 * a known word or carries the article: {@code بالعراق}, {@code لداعش} and {@code والولايات} split; {@code واشنطن} does not.
 */
final class Clitics {

    private static final String[] PREFIXES = {"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل"};

    private final Map<String, Integer> lexicon;
    private final Set<String> names;
    private final Set<String> givenNames;

    /** @param lexicon normalised word forms with their frequencies in unlabelled text (gazetteer words included) */
    Clitics(Map<String, Integer> lexicon) {
        this(lexicon, Set.of(), Set.of());
    }

    /**
     * @param lexicon    normalised word forms with their frequencies in unlabelled text (gazetteer words included)
     * @param names      normalised one-word gazetteer names, for {@link #boundary}
     * @param givenNames normalised given names, for {@link #boundary}
     */
    Clitics(Map<String, Integer> lexicon, Set<String> names, Set<String> givenNames) {
        this.lexicon = lexicon;
        this.names = names;
        this.givenNames = givenNames;
    }

    /**
     * The split {@code plain} (this word's {@link #split}) as a mention's start should read it, knowing names. A
     * one-word place, organisation or given name is not cut ({@code فيصل} is not ف + يصل, {@code وليد} not ول + يد). A
     * split that leaves a name no rarer than the whole word wins, the commonest such name first ({@code وباريس} is و +
     * باريس, not وب + اريس; {@code كبير}, "big", stays whole although {@code بير} names a place). A prefix with ك or ف
     * ("as", "so"), which seldom stands before a name, is cut only before a name or a known word with the article
     * ({@code فإيران}, {@code كالعادة}; not {@code كريس}, {@code فورد}). The tagger's features keep {@code plain}, as in
     * training.
     */
    Split boundary(String norm, Split plain) {
        if (plain.prefixLength() == 0 || norm.length() < 3) {
            return plain;
        }
        if (names.contains(norm) || givenNames.contains(norm)) {
            return new Split(0, norm);
        }
        Split best = plain;
        int bestCount = lexicon.getOrDefault(norm, 0);
        for (String prefix : PREFIXES) {
            String rest = norm.substring(prefix.length());
            int count = lexicon.getOrDefault(rest, 0);
            // a given name after ك or ف is most often a word: كوفي is not ك + وفي, nor فورد ف + ورد
            boolean name = names.contains(rest) || givenNames.contains(rest) && !rare(prefix);
            if (norm.startsWith(prefix) && rest.length() >= 2 && name && count >= bestCount) {
                best = new Split(prefix.length(), rest);
                bestCount = count;
            }
        }
        if (best == plain && !plain.articleRestored() && rare(norm.substring(0, plain.prefixLength()))
                && !(plain.rest().startsWith("ال") && lexicon.getOrDefault(plain.rest(), 0) > 0)) {
            return new Split(0, norm);  // كريس is not ك + ريس ("as a captain"): ك and ف seldom stand before a name
        }
        return best;
    }

    /** Whether a prefix holds ك ("as") or ف ("so"), which seldom stand before a name. */
    private static boolean rare(String prefix) {
        return prefix.indexOf('ك') >= 0 || prefix.indexOf('ف') >= 0;
    }

    /** The clitic split of a normalised word, or {@code Split(0, word)} where nothing is split off. */
    Split split(String norm) {
        if (norm.length() < 3 || !ArabicText.isArabicLetter(norm.charAt(0))) {
            return new Split(0, norm);
        }
        int whole = lexicon.getOrDefault(norm, 0);
        for (String prefix : PREFIXES) {
            if (!norm.startsWith(prefix)) {
                continue;
            }
            String rest = norm.substring(prefix.length());
            if (prefix.endsWith("ل") && rest.startsWith("ل") && rest.length() >= 3) {
                String withArticle = "ا" + rest;  // لل = ل + ال
                if (likelyWord(withArticle, whole)) {
                    return new Split(prefix.length(), withArticle, true);
                }
            }
            if (rest.length() >= 2 && likelyWord(rest, whole)) {
                return new Split(prefix.length(), rest);
            }
        }
        return new Split(0, norm);
    }

    private boolean likelyWord(String rest, int wholeCount) {
        if (rest.startsWith("ال") && rest.length() >= 4) {
            return true;
        }
        int count = lexicon.getOrDefault(rest, 0);
        return count > 0 && count >= wholeCount;
    }

    /**
     * @param prefixLength    normalised characters of the clitic prefix in the word
     * @param rest            the normalised remainder (with ال restored after لل)
     * @param articleRestored whether {@code rest} starts with an ال that is not written (after لل)
     */
    record Split(int prefixLength, String rest, boolean articleRestored) {

        Split(int prefixLength, String rest) {
            this(prefixLength, rest, false);
        }

        /**
         * Characters a mention may leave out: the prefix, except after لل where the remainder is not the name as written
         * (للعراق = ل + العراق), so the mention keeps the whole word.
         */
        int visiblePrefixLength() {
            return articleRestored ? 0 : prefixLength;
        }
    }
}
