package dev.khabar.enrich.measure;

import java.util.Arrays;
import java.util.List;

/**
 * A text folded for matching, one char for one char or none: Arabic letter variants and Arabic-Indic digits to their
 * base forms, tashkeel and tatweel removed, Latin accents removed, lower case. Offsets map back to the original.
 */
final class FoldedText {

    final String text;
    private final String original;
    private final int[] origin;
    private final boolean surrogates;

    private FoldedText(String original, String text, int[] origin, boolean surrogates) {
        this.original = original;
        this.text = text;
        this.origin = origin;
        this.surrogates = surrogates;
    }

    static FoldedText of(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int[] origin = new int[s.length() + 1];
        boolean surrogates = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            surrogates |= Character.isSurrogate(c);
            if (c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u0640' || c == '\u200F' || c == '\u200E'
                    || c == '\u200C' || c == '\u200D' || c == '\u061C') {
                continue;
            }
            origin[out.length()] = i;
            out.append(fold(c));
        }
        origin[out.length()] = s.length();
        return new FoldedText(s, out.toString(), origin, surrogates);
    }

    /** A span {@code [start, end)} of the folded text to be read as {@code written} ({@code twenty} as {@code 20}). */
    record Replacement(int start, int end, String written) {
    }

    /**
     * This text with each span (in order, not overlapping) written anew; what is written maps back to the whole span of
     * the original, so a match over it reports the words it stands for.
     */
    FoldedText with(List<Replacement> replacements) {
        if (replacements.isEmpty()) {
            return this;
        }
        int grown = replacements.stream().mapToInt(r -> Math.max(0, r.written().length() - (r.end() - r.start()))).sum();
        StringBuilder out = new StringBuilder(text.length() + grown);
        int[] mapped = new int[text.length() + grown + 1];
        int next = 0;
        for (Replacement r : replacements) {
            for (; next < r.start(); next++) {
                mapped[out.length()] = origin[next];
                out.append(text.charAt(next));
            }
            for (int i = 0; i < r.written().length(); i++) {
                mapped[out.length()] = origin[r.start()];
                out.append(r.written().charAt(i));
            }
            next = r.end();
        }
        for (; next < text.length(); next++) {
            mapped[out.length()] = origin[next];
            out.append(text.charAt(next));
        }
        mapped[out.length()] = original.length();
        return new FoldedText(original, out.toString(), Arrays.copyOf(mapped, out.length() + 1), surrogates);
    }

    /** Char index in the original of char {@code index} of the folded text. */
    int origin(int index) {
        return index >= text.length() ? original.length() : origin[index];
    }

    /** Code-point offset in the original of char {@code index} of the folded text. */
    int codePoint(int index) {
        int at = origin(index);
        return surrogates ? original.codePointCount(0, at) : at;
    }

    /** The original text of folded chars {@code [start, end)}, with the marks that follow the last one. */
    String original(int start, int end) {
        return original.substring(origin(start), origin(end));
    }

    static String fold(String s) {
        return of(s).text;
    }

    static char fold(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى' -> 'ي';
            case 'ة' -> 'ه';
            case '\u066B' -> '.';
            case '\u066C' -> ',';
            case '\u066A' -> '%';
            case '\u00A0', '\u202F', '\u2009' -> ' ';
            case '\u2019', '\u2018', '\u02BC' -> '\'';
            case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê' -> 'e';
            case 'à', 'â', 'ä', 'À', 'Â' -> 'a';
            case 'û', 'ù', 'ü', 'Û' -> 'u';
            case 'ô', 'ö', 'Ô' -> 'o';
            case 'î', 'ï', 'Î' -> 'i';
            case 'ç', 'Ç' -> 'c';
            default -> Character.toLowerCase(c);
        };
    }
}
