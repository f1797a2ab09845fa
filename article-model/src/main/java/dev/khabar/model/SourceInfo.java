package dev.khabar.model;

import java.time.Instant;
import java.util.List;

/**
 * Where a raw article came from.
 *
 * @param fileName     the file's name as it was dropped in the inbox (relative to it)
 * @param size         the file's size in bytes
 * @param sha256       hex SHA-256 of the article's bytes (the whole file, or one JSON Lines line)
 * @param contentType  media type, e.g. {@code text/html}
 * @param charset      the charset the bytes were decoded with, e.g. {@code UTF-8}, {@code windows-1256}
 * @param ingestedAt   when ingest-producer read the file
 * @param line         1-based line number for a JSON Lines record, otherwise {@code null}
 * @param warnings     decoding problems that were repaired (e.g. {@code malformed_input_replaced}), never null
 */
public record SourceInfo(String fileName, long size, String sha256, String contentType, String charset,
                         Instant ingestedAt, Integer line, List<String> warnings) {

    public SourceInfo {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
