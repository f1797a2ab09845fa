package dev.khabar.enrich.dedup;

import com.ibm.icu.text.Normalizer2;

/**
 * Reduces an article body to the text its fingerprints are computed on: Unicode NFKC with case folding,
 * Arabic orthographic normalisation, and runs of anything that is not a letter or digit collapsed to one space.
 */
final class BodyNormalizer {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private BodyNormalizer() {
    }

    /** The normalised body: lower-case words separated by single spaces, no leading or trailing space. */
    static String normalize(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String folded = NFKC_CASEFOLD.normalize(body);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isArabicMark(cp)) {
                continue;
            }
            int mapped = mapArabic(cp);
            if (Character.isLetterOrDigit(mapped) || isWordMark(mapped)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(mapped);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** Tashkeel, Quranic annotation marks and tatweel: dropped without splitting the word. */
    static boolean isArabicMark(int cp) {
        return (cp >= 0x0610 && cp <= 0x061A)
                || (cp >= 0x064B && cp <= 0x065F)
                || cp == 0x0670
                || (cp >= 0x06D6 && cp <= 0x06DC)
                || (cp >= 0x06DF && cp <= 0x06E8)
                || (cp >= 0x06EA && cp <= 0x06ED)
                || cp == 0x0640;
    }

    private static int mapArabic(int cp) {
        if (cp >= 0x0660 && cp <= 0x0669) {
            return '0' + (cp - 0x0660);
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return '0' + (cp - 0x06F0);
        }
        return switch (cp) {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673 -> 0x0627; // alef forms -> bare alef
            case 0x0649, 0x06CC -> 0x064A;                                 // alef maqsura, Farsi yeh -> yeh
            case 0x0629 -> 0x0647;                                         // teh marbuta -> heh
            case 0x06A9 -> 0x0643;                                         // keheh -> kaf
            default -> cp;
        };
    }

    /** Combining marks of other scripts (Devanagari vowel signs and the like) stay inside their word. */
    private static boolean isWordMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
