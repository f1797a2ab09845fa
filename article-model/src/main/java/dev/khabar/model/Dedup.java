package dev.khabar.model;

/**
 * The deduplication verdict carried by an enriched article.
 *
 * @param status      {@code unique} for every article that reaches {@code articles.enriched}
 * @param fingerprint hex hash of the normalised body
 */
public record Dedup(String status, String fingerprint) {

    public static final String UNIQUE = "unique";
}
