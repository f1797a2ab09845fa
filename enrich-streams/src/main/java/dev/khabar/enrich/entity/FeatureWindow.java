package dev.khabar.enrich.entity;

/** Lookups of a token's neighbours for window features; positions outside the sentence get their own codes. */
final class FeatureWindow {

    private FeatureWindow() {
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
}
