package dev.khabar.enrich.extract;

import java.util.List;
import java.util.Map;

import dev.khabar.model.RemovedSegment;

/**
 * What the extractor found in one page. Only {@code body} is always present.
 *
 * @param body        clean text, paragraphs separated by one blank line
 * @param publishedAt ISO-8601 date or date-time
 * @param extra       unmapped fields of a JSON article
 * @param removed     what was dropped, with the rule that dropped it
 */
public record Extraction(String title, String body, String byline, String publishedAt, String url, String site,
                         String section, Map<String, Object> extra, List<RemovedSegment> removed) {

    public Extraction {
        extra = extra == null ? Map.of() : extra;
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
