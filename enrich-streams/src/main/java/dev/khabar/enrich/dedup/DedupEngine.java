package dev.khabar.enrich.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.TreeSet;

import dev.khabar.model.DuplicateRecord;

/**
 * Decides, in arrival order, whether an article is the first copy seen or a later copy of an indexed one.
 * <p>
 * An exact copy has the SHA-256 of its normalised body in the exact index. Otherwise the MinHash signature's LSH
 * bands give candidates; a candidate is a near duplicate when its estimated Jaccard similarity, or its estimated
 * containment (for a trimmed or extended copy), reaches the configured threshold. The best candidate wins; ties go
 * to the earlier ingest time, then the smaller id. Only first copies are indexed for near matching, so every
 * copy points at a first copy. The same file ingested again (ids derive from the bytes, so the same id) is an
 * exact duplicate of itself; the topology runs exactly-once, so a record is not decided twice. Entries older than the retention are ignored at once and removed by
 * {@link #expire(long)}, so verdicts do not depend on when expiry runs.
 */
public final class DedupEngine {

    private static final int EXPIRY_BATCH = 10_000;

    private final DedupSettings settings;
    private final DedupState state;
    private final MinHasher hasher;

    public DedupEngine(DedupSettings settings, DedupState state) {
        this.settings = settings;
        this.state = state;
        this.hasher = new MinHasher(settings);
    }

    public DedupSettings settings() {
        return settings;
    }

    /** Decides for one article and indexes it when it is a first copy. */
    public DedupVerdict decide(String id, String body, long ingestMs) {
        String normalized = BodyNormalizer.normalize(body);
        byte[] fingerprint = sha256(normalized.getBytes(StandardCharsets.UTF_8));
        String fingerprintHex = DedupState.hex(fingerprint);
        if (normalized.isEmpty()) {
            return DedupVerdict.unique(id, fingerprintHex);
        }
        long oldestLive = ingestMs - settings.retention().toMillis();
        long articleKey = articleKey(id);

        DedupState.ExactEntry exact = state.exact(fingerprint);
        if (exact != null && exact.ingestMs() >= oldestLive) {
            return new DedupVerdict(id, exact.originalId(), 1.0, DuplicateRecord.EXACT, fingerprintHex);
        }

        long[] shingles = hasher.shingles(normalized);
        int[] signature = null;
        long[] bandKeys = null;
        if (shingles.length >= settings.minShingles()) {
            signature = hasher.signature(shingles);
            bandKeys = hasher.bandKeys(signature);
            DedupVerdict near = nearest(id, articleKey, signature, shingles.length, bandKeys, oldestLive,
                    fingerprintHex);
            if (near != null) {
                state.putExact(fingerprint, near.duplicateOf(), ingestMs);
                state.scheduleExpiry(ingestMs, articleKey, fingerprint);
                return near;
            }
        }

        state.putExact(fingerprint, id, ingestMs);
        if (signature != null) {
            DedupState.IndexedSignature previous = state.signature(articleKey);
            if (previous != null) {
                unindexBands(articleKey, previous.signature());
            }
            state.putSignature(articleKey, new DedupState.IndexedSignature(id, signature, shingles.length, ingestMs));
            for (int band = 0; band < bandKeys.length; band++) {
                state.addBandMember(band, bandKeys[band], articleKey);
            }
        }
        state.scheduleExpiry(ingestMs, articleKey, fingerprint);
        return DedupVerdict.unique(id, fingerprintHex);
    }

    private DedupVerdict nearest(String id, long articleKey, int[] signature, int shingleCount, long[] bandKeys,
                                 long oldestLive, String fingerprintHex) {
        TreeSet<Long> candidates = new TreeSet<>();
        for (int band = 0; band < bandKeys.length; band++) {
            candidates.addAll(state.bandMembers(band, bandKeys[band], settings.maxCandidates()));
        }
        candidates.remove(articleKey);
        DedupState.IndexedSignature best = null;
        double bestScore = -1;
        for (long candidate : candidates) {
            DedupState.IndexedSignature indexed = state.signature(candidate);
            if (indexed == null || indexed.ingestMs() < oldestLive || indexed.id().equals(id)) {
                continue;
            }
            double jaccard = MinHasher.jaccard(signature, indexed.signature());
            double score;
            if (jaccard >= settings.jaccardThreshold()) {
                score = jaccard;
            } else {
                double containment = MinHasher.containment(jaccard, shingleCount, indexed.shingleCount());
                if (containment < settings.containmentThreshold()) {
                    continue;
                }
                score = containment;
            }
            if (best == null || score > bestScore
                    || (score == bestScore && earlier(indexed, best))) {
                best = indexed;
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        return new DedupVerdict(id, best.id(), bestScore, DuplicateRecord.NEAR, fingerprintHex);
    }

    private static boolean earlier(DedupState.IndexedSignature a, DedupState.IndexedSignature b) {
        return a.ingestMs() < b.ingestMs() || (a.ingestMs() == b.ingestMs() && a.id().compareTo(b.id()) < 0);
    }

    /**
     * Removes every entry ingested before {@code nowMs} minus the retention.
     *
     * @return how many articles were removed
     */
    public int expire(long nowMs) {
        long cutoff = nowMs - settings.retention().toMillis();
        int removed = 0;
        List<DedupState.Expiry> due;
        do {
            due = state.takeExpiriesBefore(cutoff, EXPIRY_BATCH);
            for (DedupState.Expiry e : due) {
                DedupState.ExactEntry exact = state.exact(e.fingerprint());
                if (exact != null && exact.ingestMs() == e.ingestMs()) {
                    state.removeExact(e.fingerprint());
                }
                DedupState.IndexedSignature indexed = state.signature(e.articleKey());
                if (indexed != null && indexed.ingestMs() == e.ingestMs()) {
                    unindexBands(e.articleKey(), indexed.signature());
                    state.removeSignature(e.articleKey());
                }
                removed++;
            }
        } while (due.size() == EXPIRY_BATCH);
        return removed;
    }

    /** The estimated Jaccard similarity of two bodies, for inspection and tests. */
    public double estimatedSimilarity(String bodyA, String bodyB) {
        int[] a = hasher.signature(hasher.shingles(BodyNormalizer.normalize(bodyA)));
        int[] b = hasher.signature(hasher.shingles(BodyNormalizer.normalize(bodyB)));
        return MinHasher.jaccard(a, b);
    }

    private void unindexBands(long articleKey, int[] signature) {
        long[] keys = hasher.bandKeys(signature);
        for (int band = 0; band < keys.length; band++) {
            state.removeBandMember(band, keys[band], articleKey);
        }
    }

    static long articleKey(String id) {
        return ByteBuffer.wrap(sha256(id.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
