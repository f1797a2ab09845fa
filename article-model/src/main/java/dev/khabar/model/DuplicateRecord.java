package dev.khabar.model;

import java.time.Instant;

/**
 * A later copy of an article, as published to {@code articles.duplicates}.
 *
 * @param duplicateOf id of the first copy seen
 * @param similarity  1.0 for exact copies; estimated similarity for near copies
 * @param kind        {@code exact} or {@code near}
 */
public record DuplicateRecord(int schemaVersion, String id, String duplicateOf, double similarity, String kind,
                              String fingerprint, SourceInfo source, Instant detectedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String EXACT = "exact";
    public static final String NEAR = "near";
}
