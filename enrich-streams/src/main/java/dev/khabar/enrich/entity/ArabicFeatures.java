package dev.khabar.enrich.entity;

import java.util.List;

/**
 * Feature buckets of each token of an Arabic sentence: word, normalised, clitic-split and stemmed forms, affixes, shape,
 * neighbours and their stems, gazetteer membership of the word and of the longest-matching name span, and word classes.
 */
final class ArabicFeatures {

    private static final String[] NONE = new String[0];

    private final Gazetteer gazetteer;
    private final Clitics clitics;
    private final WordClusters clusters;
    private final int bits;

    ArabicFeatures(Gazetteer gazetteer, Clitics clitics, WordClusters clusters, int bits) {
        this.gazetteer = gazetteer;
        this.clitics = clitics;
        this.clusters = clusters;
        this.bits = bits;
    }

    Clitics clitics() {
        return clitics;
    }

    /** The clitic split of each token and the feature buckets of each token. */
    record Analysis(Clitics.Split[] splits, int[][] features) {
    }

    Analysis analyse(List<Token> tokens) {
        int n = tokens.size();
        String[] norm = new String[n];
        String[] rest = new String[n];
        String[] stem = new String[n];
        String[] shape = new String[n];
        int[] gaz = new int[n];
        int[] span = new int[n];
        boolean[] given = new boolean[n];
        int[][] classes = new int[n][];
        Clitics.Split[] splits = new Clitics.Split[n];
        for (int i = 0; i < n; i++) {
            Token token = tokens.get(i);
            norm[i] = token.norm();
            splits[i] = clitics.split(norm[i]);
            rest[i] = splits[i].rest();
            stem[i] = ArabicText.stem(rest[i]);
            shape[i] = shape(token.text());
            gaz[i] = gazetteer.tokenTypes(rest[i]) | gazetteer.tokenTypes(norm[i]);
            given[i] = gazetteer.isGivenName(rest[i]) || gazetteer.isGivenName(stripArticle(rest[i]));
            classes[i] = clusters.of(rest[i]);
        }
        for (Gazetteer.Match m : gazetteer.matches(tokens)) {
            for (int k = m.first(); k <= m.last(); k++) {
                span[k] = 1 + 2 * m.type() + (k == m.first() ? 0 : 1);
            }
        }
        int[][] features = new int[n][];
        int[] f = new int[64];
        for (int i = 0; i < n; i++) {
            int k = 0;
            String w = norm[i];
            String r = rest[i];
            f[k++] = hash(1, "");
            f[k++] = hash(2, w);
            f[k++] = hash(3, r);
            f[k++] = hash(4, stem[i]);
            for (int len = 1; len <= 3; len++) {
                if (r.length() > len) {
                    f[k++] = hash(4 + len, r.substring(0, len));
                }
            }
            for (int len = 1; len <= 4; len++) {
                if (w.length() > len) {
                    f[k++] = hash(8 + len, w.substring(w.length() - len));
                }
            }
            f[k++] = hash(13, w.substring(0, splits[i].prefixLength()) + (r.startsWith("ال") ? "+ال" : ""));
            f[k++] = hash(14, shape[i]);
            f[k++] = hash(15, at(norm, i - 1));
            f[k++] = hash(16, at(norm, i + 1));
            f[k++] = hash(17, at(norm, i - 2));
            f[k++] = hash(18, at(norm, i + 2));
            f[k++] = hash(19, at(stem, i - 1));
            f[k++] = hash(20, at(stem, i + 1));
            f[k++] = hash(21, at(stem, i - 2));
            f[k++] = hash(22, at(stem, i + 2));
            f[k++] = hash(23, at(norm, i - 1) + "|" + w);
            f[k++] = hash(24, w + "|" + at(norm, i + 1));
            f[k++] = hash(25, Integer.toString(gaz[i]));
            f[k++] = hash(26, Integer.toString(i > 0 ? gaz[i - 1] : -1));
            f[k++] = hash(27, Integer.toString(i + 1 < n ? gaz[i + 1] : -1));
            f[k++] = hash(28, (i > 0 && given[i - 1] ? "p" : "") + (given[i] ? "c" : "") + (i + 1 < n && given[i + 1] ? "n" : ""));
            f[k++] = hash(29, Integer.toString(span[i]));
            f[k++] = hash(30, Integer.toString(i > 0 ? span[i - 1] : -1));
            f[k++] = hash(31, Integer.toString(i + 1 < n ? span[i + 1] : -1));
            f[k++] = hash(32, classId(classes, i, 0));
            f[k++] = hash(33, classId(classes, i, 1));
            f[k++] = hash(34, classId(classes, i - 1, 0));
            f[k++] = hash(35, classId(classes, i + 1, 0));
            f[k++] = hash(36, classId(classes, i - 1, 1));
            f[k++] = hash(37, classId(classes, i + 1, 1));
            f[k++] = hash(38, i == 0 ? "first" : at(shape, i - 1) + "|" + shape[i]);
            f[k++] = hash(39, classId(classes, i, 1) + "|" + at(stem, i - 1));
            f[k++] = hash(40, at(stem, i - 1) + "|" + at(stem, i + 1));
            features[i] = java.util.Arrays.copyOf(f, k);
        }
        return new Analysis(splits, features);
    }

    private static String stripArticle(String word) {
        return word.startsWith("ال") && word.length() > 4 ? word.substring(2) : word;
    }

    private static String at(String[] values, int i) {
        return i < 0 ? "<s>" : i >= values.length ? "</s>" : values[i];
    }

    private static String classId(int[][] classes, int i, int granularity) {
        if (i < 0 || i >= classes.length) {
            return "B";
        }
        int[] ids = classes[i];
        return ids == null || granularity >= ids.length ? "?" : Integer.toString(ids[granularity]);
    }

    static String shape(String word) {
        StringBuilder s = new StringBuilder();
        char last = 0;
        int repeats = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            char c;
            if (ArabicText.isArabicLetter(cp)) {
                c = 'a';
            } else if (Character.isDigit(cp)) {
                c = 'd';
            } else if (Character.isUpperCase(cp)) {
                c = 'X';
            } else if (Character.isLetter(cp)) {
                c = 'x';
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK || cp == '\u0640') {
                continue;
            } else {
                c = (char) cp;
            }
            if (c == last) {
                repeats++;
                if (repeats >= 2) {
                    continue;
                }
            } else {
                repeats = 0;
            }
            s.append(c);
            last = c;
        }
        int length = word.codePointCount(0, word.length());
        return s + (length <= 2 ? "1" : length <= 4 ? "2" : length <= 7 ? "3" : "4");
    }

    private int hash(int template, String value) {
        int h = template * 0x9E3779B1;
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h >>> (32 - bits);
    }
}
