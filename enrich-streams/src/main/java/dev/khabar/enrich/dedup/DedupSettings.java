package dev.khabar.enrich.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of deduplication. Signatures and band keys written with one set of {@code shingleSize},
 * {@code hashes}, {@code bands} and {@code seed} cannot be compared with another: changing them needs fresh state.
 *
 * @param shingleSize          words per shingle
 * @param hashes               MinHash signature length
 * @param bands                LSH bands; {@code hashes / bands} rows each
 * @param seed                 seed of the MinHash permutations
 * @param jaccardThreshold     a candidate whose estimated Jaccard similarity reaches this is a near duplicate
 * @param containmentThreshold a candidate whose estimated containment (shared shingles over the smaller set)
 *                             reaches this is a near duplicate: a trimmed or extended copy
 * @param minShingles          bodies with fewer distinct shingles are deduplicated exactly only
 * @param maxCandidates        at most this many indexed articles are read per band bucket
 * @param retention            how long, by ingest time, an article stays indexed
 */
public record DedupSettings(int shingleSize, int hashes, int bands, long seed, double jaccardThreshold,
                            double containmentThreshold, int minShingles, int maxCandidates, Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public DedupSettings {
        List<String> problems = new ArrayList<>();
        if (shingleSize < 1) {
            problems.add("shingleSize must be >= 1, was " + shingleSize);
        }
        if (hashes < 1 || bands < 1 || hashes % bands != 0 || bands > 255) {
            problems.add("hashes must be a positive multiple of bands (1..255), were " + hashes + " and " + bands);
        }
        if (!(jaccardThreshold > 0 && jaccardThreshold <= 1)) {
            problems.add("jaccardThreshold must be in (0, 1], was " + jaccardThreshold);
        }
        if (!(containmentThreshold > 0 && containmentThreshold <= 1)) {
            problems.add("containmentThreshold must be in (0, 1], was " + containmentThreshold);
        }
        if (minShingles < 1 || maxCandidates < 1) {
            problems.add("minShingles and maxCandidates must be >= 1");
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            problems.add("retention must be positive, was " + retention);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid dedup settings: " + String.join("; ", problems));
        }
    }

    /** The measured defaults (see docs/evaluation/dedup.md). */
    public static DedupSettings defaults() {
        return new DedupSettings(4, 126, 42, 0x6b686162L, 0.45, 0.75, 5, 64, DEFAULT_RETENTION);
    }

    public int rows() {
        return hashes / bands;
    }

    public DedupSettings withRetention(Duration value) {
        return new DedupSettings(shingleSize, hashes, bands, seed, jaccardThreshold, containmentThreshold,
                minShingles, maxCandidates, value);
    }

    public DedupSettings withThresholds(double jaccard, double containment) {
        return new DedupSettings(shingleSize, hashes, bands, seed, jaccard, containment, minShingles,
                maxCandidates, retention);
    }

    public DedupSettings withLsh(int shingles, int hashCount, int bandCount) {
        return new DedupSettings(shingles, hashCount, bandCount, seed, jaccardThreshold, containmentThreshold,
                minShingles, maxCandidates, retention);
    }

    /** Probability that a pair with Jaccard similarity {@code s} shares at least one band: 1 - (1 - s^r)^b. */
    public double candidateProbability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows()), bands);
    }

    /** The similarity at which a pair becomes a candidate with probability one half. */
    public double halfPoint() {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (candidateProbability(mid) < 0.5) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
