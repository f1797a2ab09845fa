package dev.khabar.enrich.extract;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.khabar.model.RawArticle;

/** Dispatches on the raw article's format: plain text and Markdown, HTML, or a JSON article. */
final class NewsExtractor implements ArticleExtractor {

    static final String VERSION = "rules-2";

    @Override
    public Extraction extract(RawArticle raw) {
        if (raw.content() == null || raw.content().isBlank()) {
            throw new IllegalArgumentException("Article " + raw.id() + " is empty");
        }
        return switch (raw.format()) {
            case HTML -> HtmlExtractor.extract(raw.content());
            case JSON -> JsonArticleMapper.extract(raw.content());
            case TEXT -> {
                Draft d = new Draft();
                yield d.finish(BodyCleaner.cleanText(raw.content(), d), "text article " + raw.id());
            }
            case MARKDOWN -> {
                Draft d = new Draft();
                frontMatter(MarkdownText.frontMatter(raw.content()), d);
                String text = MarkdownText.plain(MarkdownText.withoutFrontMatter(raw.content()));
                yield d.finish(BodyCleaner.cleanText(text, d), "markdown article " + raw.id());
            }
        };
    }

    private static void frontMatter(Map<String, String> fields, Draft d) {
        Map<String, String> rest = new LinkedHashMap<>(fields);
        d.title = blankToNull(rest.remove("title"));
        d.byline = blankToNull(rest.remove("author"));
        String date = rest.remove("date");
        d.publishedAt = date == null ? null : NewsDateParser.parse(date).orElse(null);
        if (date != null && d.publishedAt == null) {
            rest.put("date", date);
        }
        d.url = blankToNull(rest.containsKey("url") ? rest.remove("url") : rest.remove("permalink"));
        d.section = blankToNull(rest.containsKey("section") ? rest.remove("section") : rest.remove("category"));
        d.extra.putAll(rest);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String version() {
        return VERSION;
    }
}
