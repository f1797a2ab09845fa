package dev.khabar.enrich.extract;

import dev.khabar.model.RawArticle;

/** Dispatches on the raw article's format: plain text and Markdown, HTML, or a JSON article. */
final class NewsExtractor implements ArticleExtractor {

    static final String VERSION = "rules-1";

    @Override
    public Extraction extract(RawArticle raw) {
        if (raw.content() == null || raw.content().isBlank()) {
            throw new IllegalArgumentException("Article " + raw.id() + " is empty");
        }
        return switch (raw.format()) {
            case HTML -> HtmlExtractor.extract(raw.content());
            case JSON -> JsonArticleMapper.extract(raw.content());
            case TEXT, MARKDOWN -> {
                Draft d = new Draft();
                String text = raw.format() == dev.khabar.model.Format.MARKDOWN ? MarkdownText.plain(raw.content())
                        : raw.content();
                yield d.finish(BodyCleaner.cleanText(text, d), raw.format().wire() + " article " + raw.id());
            }
        };
    }

    @Override
    public String version() {
        return VERSION;
    }
}
