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
 * @param entities    raw mentions as recognised; {@link Entity#canonical()} points into {@code canonicalEntities}
 * @param canonicalEntities mentions merged per entity, with catalogue ids, most salient first
 * @param dates       dates written in the body, normalised (relative ones anchored on {@code publishedAt})
 * @param quantities  amounts with units written in the body, normalised
 * @param titleEntities mentions in the title, offsets into {@code title}; {@link Entity#canonical()} points into
 *                    {@code canonicalEntities} where the body names the same entity
 */
public record EnrichedArticle(int schemaVersion, String id, SourceInfo source, String title, String body,
                              String byline, String publishedAt, String url, String site, String section,
                              Map<String, Object> extra, List<RemovedSegment> removed, Language language,
                              List<Entity> entities, Dedup dedup, Pipeline pipeline,
                              List<CanonicalEntity> canonicalEntities, List<DateExpression> dates,
                              List<Quantity> quantities, List<Entity> titleEntities) {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        extra = extra == null ? Map.of() : extra;
        removed = removed == null ? List.of() : List.copyOf(removed);
        entities = entities == null ? List.of() : List.copyOf(entities);
        canonicalEntities = canonicalEntities == null ? List.of() : List.copyOf(canonicalEntities);
        dates = dates == null ? List.of() : List.copyOf(dates);
        quantities = quantities == null ? List.of() : List.copyOf(quantities);
        titleEntities = titleEntities == null ? List.of() : List.copyOf(titleEntities);
    }

    /** A record without title entities (as written before they existed). */
    public EnrichedArticle(int schemaVersion, String id, SourceInfo source, String title, String body, String byline,
                           String publishedAt, String url, String site, String section, Map<String, Object> extra,
                           List<RemovedSegment> removed, Language language, List<Entity> entities, Dedup dedup,
                           Pipeline pipeline, List<CanonicalEntity> canonicalEntities, List<DateExpression> dates,
                           List<Quantity> quantities) {
        this(schemaVersion, id, source, title, body, byline, publishedAt, url, site, section, extra, removed, language,
                entities, dedup, pipeline, canonicalEntities, dates, quantities, List.of());
    }

    /** A record without canonical entities, dates or quantities (as written before they existed). */
    public EnrichedArticle(int schemaVersion, String id, SourceInfo source, String title, String body, String byline,
                           String publishedAt, String url, String site, String section, Map<String, Object> extra,
                           List<RemovedSegment> removed, Language language, List<Entity> entities, Dedup dedup,
                           Pipeline pipeline) {
        this(schemaVersion, id, source, title, body, byline, publishedAt, url, site, section, extra, removed, language,
                entities, dedup, pipeline, List.of(), List.of(), List.of(), List.of());
    }
}
