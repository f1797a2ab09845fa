package dev.khabar.sink;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.khabar.model.Dedup;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Language;
import dev.khabar.model.Pipeline;
import dev.khabar.model.SourceInfo;

/** Small enriched articles for the sink's tests. */
final class Articles {

    private Articles() {
    }

    static EnrichedArticle article(String id, String body) {
        return article(id, body, "ar", Instant.parse("2026-11-23T10:00:00Z"));
    }

    static EnrichedArticle article(String id, String body, String language, Instant ingestedAt) {
        SourceInfo source = new SourceInfo("a.txt", 3, "0".repeat(64), "text/plain", "UTF-8", ingestedAt, null,
                List.of());
        return new EnrichedArticle(1, id, source, "t", body, null, null, null, null, null, Map.of(), List.of(),
                new Language(language, 0.99, "Arab", null, null), List.of(), new Dedup("unique", "f"),
                new Pipeline("test", Instant.parse("2026-11-23T10:00:01Z"), Map.of()));
    }
}
