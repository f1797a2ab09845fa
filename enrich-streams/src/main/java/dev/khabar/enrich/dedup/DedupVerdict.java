package dev.khabar.enrich.dedup;

import dev.khabar.model.DuplicateRecord;

/**
 * What deduplication decided for one article.
 *
 * @param duplicateOf id of the first copy, {@code null} when unique
 * @param similarity  1.0 for exact copies, the estimated Jaccard or containment for near copies, 0 when unique
 * @param kind        {@link DuplicateRecord#EXACT} or {@link DuplicateRecord#NEAR}, {@code null} when unique
 * @param fingerprint hex SHA-256 of the normalised body
 */
public record DedupVerdict(String id, String duplicateOf, double similarity, String kind, String fingerprint) {

    public static final String UNIQUE = "unique";
    public static final String DUPLICATE = "duplicate";

    public boolean duplicate() {
        return duplicateOf != null;
    }

    public String status() {
        return duplicate() ? DUPLICATE : UNIQUE;
    }

    static DedupVerdict unique(String id, String fingerprint) {
        return new DedupVerdict(id, null, 0.0, null, fingerprint);
    }
}
