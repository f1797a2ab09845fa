package dev.khabar.enrich.entity;

/**
 * The codes features are built from: neighbour lookups for window features (positions outside the sentence get their
 * own codes) and the hashes that put a feature into one of 2^bits weight buckets. Trained models depend on these
 * staying bit-for-bit the same.
 */
final class FeatureCodes {

    private FeatureCodes() {
    }

    /** The hash at {@code i}; -1 before the sentence, -2 after it. */
    static int at(int[] hashes, int i) {
        return i < 0 ? -1 : i >= hashes.length ? -2 : hashes[i];
    }

    /** The word class of token {@code i} at {@code granularity}; -1 for a word without a class, -2 outside the sentence. */
    static int classId(int[][] classes, int i, int granularity) {
        if (i < 0 || i >= classes.length) {
            return -2;
        }
        int[] ids = classes[i];
        return ids == null || granularity >= ids.length ? -1 : ids[granularity];
    }

    /** FNV-1a of {@code value.substring(from, to)}'s chars. */
    static int hash(String value, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ value.charAt(i)) * 0x01000193;
        }
        return h;
    }

    static int hash(String value) {
        return hash(value, 0, value.length());
    }

    /** The bucket, among 2^{@code bits}, of feature template {@code template} with values {@code a} and {@code b}. */
    static int bucket(int template, int a, int b, int bits) {
        int h = template * 0x9E3779B1;
        h = (h ^ a) * 0x01000193;
        h = Integer.rotateLeft(h, 13) * 5 + 0xE6546B64;
        h = (h ^ b) * 0x01000193;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h >>> (32 - bits);
    }
}
