package dev.khabar.enrich.extract;

import dev.khabar.model.RawArticle;

/** Turns a raw page (text, Markdown, HTML or a JSON article) into a clean article. Knows nothing of Kafka. */
public interface ArticleExtractor {

    Extraction extract(RawArticle raw);

    /** Identifies the extractor's rules, recorded on every enriched record. */
    String version();

    /** The extractor the pipeline uses. */
    static ArticleExtractor standard() {
        return new NewsExtractor();
    }
}
