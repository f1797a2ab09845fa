package dev.khabar.enrich.entity;

import static dev.khabar.enrich.entity.FeatureCodes.at;
import static dev.khabar.enrich.entity.FeatureCodes.classId;
import static dev.khabar.enrich.entity.FeatureCodes.hash;

import java.util.Arrays;
import java.util.List;

/**
 * Feature buckets of each token of an Arabic sentence: word, normalised, clitic-split and stemmed forms, affixes, shape,
 * neighbours and their stems, gazetteer membership of the word and of the longest-matching name span, and word classes.
 */
final class ArabicFeatures {

    /** Features 1 to LEXICAL of every token name the word itself (forms and bigrams); word dropout leaves them out. */
    static final int LEXICAL = 5;

    private final Gazetteer gazetteer;
    private final Gazetteer names;
    private final Clitics clitics;
    private final WordClusters clusters;
    private final int bits;

    ArabicFeatures(Gazetteer gazetteer, Clitics clitics, WordClusters clusters, int bits) {
        this(gazetteer, null, clitics, clusters, bits);
    }

    /** @param names the model's own name list (learnt from training labels), or null */
    ArabicFeatures(Gazetteer gazetteer, Gazetteer names, Clitics clitics, WordClusters clusters, int bits) {
        this.gazetteer = gazetteer;
        this.names = names == null || names.size() == 0 ? null : names;
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
        boolean[] given = new boolean[n];
        int[] trigger = new int[n];
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
            trigger[i] = gazetteer.trigger(rest[i]);
        }
        int[] span = gazetteer.spans(tokens, 2);
        int[] named = new int[n];
        int[] nameSpan = names == null ? null : names.spans(tokens, 3);
        if (names != null) {
            for (int i = 0; i < n; i++) {
                named[i] = names.tokenTypes(rest[i]) | names.tokenTypes(norm[i]);
            }
        }
        int[] hn = new int[n];
        int[] hr = new int[n];
        int[] hs = new int[n];
        int[] hshape = new int[n];
        for (int i = 0; i < n; i++) {
            hn[i] = hash(norm[i], 0, norm[i].length());
            hr[i] = hash(rest[i], 0, rest[i].length());
            hs[i] = hash(stem[i], 0, stem[i].length());
            hshape[i] = hash(shape[i], 0, shape[i].length());
        }
        int[][] features = new int[n][];
        int[] f = new int[96];
        for (int i = 0; i < n; i++) {
            int k = 0;
            String w = norm[i];
            String r = rest[i];
            f[k++] = bucket(1, 0, 0);
            f[k++] = bucket(2, hn[i], 0);
            f[k++] = bucket(3, hr[i], 0);
            f[k++] = bucket(4, hs[i], 0);
            f[k++] = bucket(23, at(hn, i - 1), hn[i]);
            f[k++] = bucket(24, hn[i], at(hn, i + 1));
            for (int len = 1; len <= 3; len++) {
                if (r.length() > len) {
                    f[k++] = bucket(4 + len, hash(r, 0, len), 0);
                }
            }
            for (int len = 1; len <= 4; len++) {
                if (w.length() > len) {
                    f[k++] = bucket(8 + len, hash(w, w.length() - len, w.length()), 0);
                }
            }
            f[k++] = bucket(13, hash(w, 0, splits[i].prefixLength()), r.startsWith("ال") ? 1 : 0);
            f[k++] = bucket(14, hshape[i], 0);
            f[k++] = bucket(15, at(hn, i - 1), 0);
            f[k++] = bucket(16, at(hn, i + 1), 0);
            f[k++] = bucket(17, at(hn, i - 2), 0);
            f[k++] = bucket(18, at(hn, i + 2), 0);
            f[k++] = bucket(19, at(hs, i - 1), 0);
            f[k++] = bucket(20, at(hs, i + 1), 0);
            f[k++] = bucket(21, at(hs, i - 2), 0);
            f[k++] = bucket(22, at(hs, i + 2), 0);
            f[k++] = bucket(25, gaz[i], 0);
            f[k++] = bucket(26, i > 0 ? gaz[i - 1] : -1, 0);
            f[k++] = bucket(27, i + 1 < n ? gaz[i + 1] : -1, 0);
            f[k++] = bucket(28, (i > 0 && given[i - 1] ? 1 : 0) | (given[i] ? 2 : 0) | (i + 1 < n && given[i + 1] ? 4 : 0), 0);
            f[k++] = bucket(29, span[i], 0);
            f[k++] = bucket(30, i > 0 ? span[i - 1] : -1, 0);
            f[k++] = bucket(31, i + 1 < n ? span[i + 1] : -1, 0);
            for (int g = 0; g < clusters.granularities(); g++) {
                f[k++] = bucket(50 + g, classId(classes, i, g), 0);
            }
            f[k++] = bucket(34, classId(classes, i - 1, 0), 0);
            f[k++] = bucket(35, classId(classes, i + 1, 0), 0);
            f[k++] = bucket(36, classId(classes, i - 1, 1), 0);
            f[k++] = bucket(37, classId(classes, i + 1, 1), 0);
            f[k++] = bucket(38, i == 0 ? -1 : hshape[i - 1], hshape[i]);

            f[k++] = bucket(39, classId(classes, i, 1), at(hs, i - 1));
            f[k++] = bucket(40, at(hs, i - 1), at(hs, i + 1));
            f[k++] = bucket(41, trigger[i], i > 0 ? trigger[i - 1] : -1);
            f[k++] = bucket(42, i > 1 ? trigger[i - 2] : -1, i > 0 ? trigger[i - 1] : -1);
            f[k++] = bucket(43, i > 0 ? trigger[i - 1] : -1, classId(classes, i, 0));
            f[k++] = bucket(44, classId(classes, i - 1, 0), classId(classes, i, 0));
            f[k++] = bucket(45, classId(classes, i, 0), classId(classes, i + 1, 0));
            if (names != null) {
                f[k++] = bucket(60, named[i], 0);
                f[k++] = bucket(61, nameSpan[i], 0);
                f[k++] = bucket(62, i > 0 ? nameSpan[i - 1] : -1, 0);
                f[k++] = bucket(63, i + 1 < n ? nameSpan[i + 1] : -1, 0);
                f[k++] = bucket(64, nameSpan[i], classId(classes, i, 0));
            }
            features[i] = Arrays.copyOf(f, k);
        }
        return new Analysis(splits, features);
    }

    private static String stripArticle(String word) {
        return word.startsWith("ال") && word.length() > 4 ? word.substring(2) : word;
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

    private int bucket(int template, int a, int b) {
        return FeatureCodes.bucket(template, a, b, bits);
    }
}
