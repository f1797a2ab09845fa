package dev.khabar.model;

import java.util.List;
import java.util.Map;

/**
 * One unique article as published to {@code articles.enriched}.
 *
 * @param body        the cleaned text; paragraphs separated by blank lines. Entity offsets point into it.
 * @param publishedAt ISO-8601 date or date-time, when the article states it
 * @param extra       fields of a JSON article that Khabar does not map, kept as they came
 * @param removed     segments the extractor dropped from the body, with why
 */
public record EnrichedArticle(int schemaVersion, String id, SourceInfo source, String title, String body,
                              String byline, String publishedAt, String url, String site, String section,
                              Map<String, Object> extra, List<RemovedSegment> removed, Language language,
                              List<Entity> entities, Dedup dedup, Pipeline pipeline) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        extra = extra == null ? Map.of() : extra;
        removed = removed == null ? List.of() : List.copyOf(removed);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
