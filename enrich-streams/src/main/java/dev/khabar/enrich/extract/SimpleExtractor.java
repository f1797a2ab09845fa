package dev.khabar.enrich.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;
import dev.khabar.model.RemovedSegment;

/** A first extractor: title from the first line or tag, body from the remaining lines or blocks. */
final class SimpleExtractor implements ArticleExtractor {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    @Override
    public Extraction extract(RawArticle raw) {
        return switch (raw.format()) {
            case HTML -> fromHtml(raw.content());
            case JSON -> fromJson(raw.content());
            case TEXT, MARKDOWN -> fromText(raw.content());
        };
    }

    @Override
    public String version() {
        return "simple-1";
    }

    private static Extraction fromText(String text) {
        List<String> lines = new ArrayList<>();
        List<RemovedSegment> removed = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).equals(trimmed)) {
                removed.add(new RemovedSegment("caption_duplicate", trimmed, "repeated-adjacent-line"));
                continue;
            }
            lines.add(trimmed);
        }
        String title = lines.stream().filter(l -> l.codePointCount(0, l.length()) >= 20).findFirst().orElse(null);
        List<String> body = new ArrayList<>(lines);
        if (title != null) {
            body.remove(title);
        }
        return new Extraction(title, String.join("\n\n", body), null, null, null, null, null, Map.of(), removed);
    }

    private static Extraction fromHtml(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, nav, aside, footer, header, form").remove();
        String title = doc.title().isBlank() ? null : doc.title().strip();
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            title = h1.text().strip();
            h1.remove();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element block : doc.select("p, li, blockquote")) {
            String text = block.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty() && doc.body() != null) {
            paragraphs.add(doc.body().text().strip());
        }
        return new Extraction(title, String.join("\n\n", paragraphs), null, null, null, null, null, Map.of(), List.of());
    }

    private static Extraction fromJson(String json) {
        Map<String, Object> fields;
        try {
            fields = Json.mapper().readValue(json, JSON_OBJECT);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JSON article object: " + e.getMessage(), e);
        }
        String body = firstString(fields, "body", "text", "content");
        if (body == null) {
            throw new IllegalArgumentException("JSON article has none of the fields body, text, content");
        }
        String title = firstString(fields, "title", "headline");
        String byline = firstString(fields, "author", "byline");
        String published = firstString(fields, "published", "published_at", "date");
        String url = firstString(fields, "url", "link");
        String site = firstString(fields, "source", "site");
        Map<String, Object> extra = new LinkedHashMap<>(fields);
        List.of("body", "text", "content", "title", "headline", "author", "byline", "published", "published_at",
                "date", "url", "link", "source", "site").forEach(extra::remove);
        return new Extraction(title, fromText(body).body(), byline, published, url, site, null, extra, List.of());
    }

    private static String firstString(Map<String, Object> fields, String... names) {
        for (String name : names) {
            if (fields.get(name) instanceof String value && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
