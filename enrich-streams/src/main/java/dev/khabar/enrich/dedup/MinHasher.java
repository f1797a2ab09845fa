package dev.khabar.enrich.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/** MinHash signatures over word shingles of a normalised body, and their LSH band keys. */
final class MinHasher {

    private final int shingleSize;
    private final int bands;
    private final int rows;
    private final long[] multipliers;
    private final long[] offsets;

    MinHasher(DedupSettings settings) {
        this.shingleSize = settings.shingleSize();
        this.bands = settings.bands();
        this.rows = settings.rows();
        SplittableRandom random = new SplittableRandom(settings.seed());
        multipliers = new long[settings.hashes()];
        offsets = new long[settings.hashes()];
        for (int i = 0; i < multipliers.length; i++) {
            multipliers[i] = random.nextLong() | 1L;
            offsets[i] = random.nextLong();
        }
    }

    /** Distinct 64-bit hashes of the word shingles of a normalised body, sorted. */
    long[] shingles(String normalized) {
        if (normalized.isEmpty()) {
            return new long[0];
        }
        String[] words = normalized.split(" ");
        long[] tokens = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            tokens[i] = hash(words[i]);
        }
        int count = Math.max(1, tokens.length - shingleSize + 1);
        long[] shingles = new long[count];
        for (int start = 0; start < count; start++) {
            long h = 0x2545F4914F6CDD1DL;
            int end = Math.min(tokens.length, start + shingleSize);
            for (int i = start; i < end; i++) {
                h = mix(h * 0x9E3779B97F4A7C15L ^ tokens[i]);
            }
            shingles[start] = h;
        }
        Arrays.sort(shingles);
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        return Arrays.copyOf(shingles, distinct);
    }

    /** One minimum per permutation, as unsigned 32-bit values. */
    int[] signature(long[] shingles) {
        long[] minima = new long[multipliers.length];
        Arrays.fill(minima, Long.MAX_VALUE);
        for (long x : shingles) {
            for (int i = 0; i < minima.length; i++) {
                long v = (multipliers[i] * x + offsets[i]) >>> 32;
                if (v < minima[i]) {
                    minima[i] = v;
                }
            }
        }
        int[] signature = new int[minima.length];
        for (int i = 0; i < minima.length; i++) {
            signature[i] = (int) minima[i];
        }
        return signature;
    }

    /** One 64-bit key per band, hashed from that band's rows. */
    long[] bandKeys(int[] signature) {
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = band + 1L;
            for (int row = band * rows; row < (band + 1) * rows; row++) {
                h = mix(h * 0x9E3779B97F4A7C15L ^ (signature[row] & 0xFFFFFFFFL));
            }
            keys[band] = h;
        }
        return keys;
    }

    /** Fraction of agreeing signature positions: an unbiased estimate of Jaccard similarity. */
    static double jaccard(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    /**
     * Shared shingles over the smaller set, derived from the Jaccard estimate and the two set sizes:
     * |A ∩ B| = J (|A| + |B|) / (1 + J).
     */
    static double containment(double jaccard, int sizeA, int sizeB) {
        double shared = jaccard * (sizeA + sizeB) / (1 + jaccard);
        return Math.min(1.0, shared / Math.min(sizeA, sizeB));
    }

    private static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
