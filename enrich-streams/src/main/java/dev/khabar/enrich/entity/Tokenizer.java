package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.List;

/** Splits raw text into words (letters, digits, marks, tatweel) and single punctuation marks, with code-point offsets. */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int cpIndex = 0;
        int start = -1;
        int startChar = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isWordPart(cp)) {
                if (start < 0) {
                    start = cpIndex;
                    startChar = i;
                }
            } else {
                if (start >= 0) {
                    add(tokens, text.substring(startChar, i), start, cpIndex);
                    start = -1;
                }
                if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !isInvisible(cp)) {
                    add(tokens, text.substring(i, i + width), cpIndex, cpIndex + 1);
                }
            }
            i += width;
            cpIndex++;
        }
        if (start >= 0) {
            add(tokens, text.substring(startChar), start, cpIndex);
        }
        return tokens;
    }

    private static void add(List<Token> tokens, String word, int start, int end) {
        tokens.add(new Token(word, ArabicText.normalize(word), start, end));
    }

    static boolean isWordPart(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || cp == '\u0640';
    }

    private static boolean isInvisible(int cp) {
        return cp == '\u200E' || cp == '\u200F' || cp == '\u200B' || cp == '\u200C' || cp == '\u200D' || cp == '\uFEFF'
                || Character.getType(cp) == Character.FORMAT;
    }
}
