package dev.khabar.enrich.entity;

import java.util.Map;

/**
 * Splits Arabic proclitics (و ف ب ك ل, their pairs, and لل for ل + ال) off a normalised word, only where the remainder is
 * a known word or carries the article: {@code بالعراق}, {@code لداعش} and {@code والولايات} split; {@code واشنطن} does not.
 */
final class Clitics {

    private static final String[] PREFIXES = {"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل"};

    private final Map<String, Integer> lexicon;

    /** @param lexicon normalised word forms with their frequencies in unlabelled text (gazetteer words included) */
    Clitics(Map<String, Integer> lexicon) {
        this.lexicon = lexicon;
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
