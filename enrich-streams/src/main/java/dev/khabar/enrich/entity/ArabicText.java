package dev.khabar.enrich.entity;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;

/** Matching forms of words: letter variants folded, tashkeel and tatweel removed; offsets are never taken from these. */
final class ArabicText {

    private static final ArabicNormalizer NORMALIZER = new ArabicNormalizer();
    private static final ArabicStemmer STEMMER = new ArabicStemmer();

    private ArabicText() {
    }

    /** Alef forms to bare alef, alef maqsura to yeh, teh marbuta to heh, no tashkeel or tatweel, Latin lower-cased. */
    static String normalize(String word) {
        char[] chars = word.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
            if (chars[i] == '\u0671') {
                chars[i] = '\u0627';
            }
        }
        int length = NORMALIZER.normalize(chars, chars.length);
        return new String(chars, 0, length);
    }

    /** Lucene's light stem (article, conjunction and common suffixes removed) of a normalised word. */
    static String stem(String normalized) {
        char[] chars = normalized.toCharArray();
        int length = STEMMER.stem(chars, chars.length);
        return length == 0 ? normalized : new String(chars, 0, length);
    }

    /** The last character of {@code word} that is not tashkeel or tatweel, or a blank. */
    static char finalLetter(String word) {
        for (int i = word.length() - 1; i >= 0; i--) {
            char c = word.charAt(i);
            if (!(c >= '\u064B' && c <= '\u0652' || c == '\u0640')) {
                return c;
            }
        }
        return ' ';
    }

    static boolean isArabicLetter(int cp) {
        return cp >= 0x0621 && cp <= 0x064A || cp >= 0x066E && cp <= 0x06D3 || cp >= 0x06FA && cp <= 0x06FF;
    }
}
