package dev.khabar.enrich.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.khabar.model.Json;

/**
 * JSON articles: maps the common field names of scrapers, feeds and CMS exports; every other field is kept
 * under {@code extra}. The body goes through the same line rules as plain text, or the HTML rules when it is
 * markup.
 */
final class JsonArticleMapper {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() { };
    private static final List<String> BODY = List.of("body", "text", "content", "article_body", "article",
            "full_text", "story", "body_text", "body_html", "html_body", "html", "content_html", "content_text");
    private static final List<String> TITLE = List.of("title", "headline", "heading", "name");
    private static final List<String> BYLINE = List.of("author", "authors", "byline", "by", "writer", "creator",
            "dc_creator", "auteur");
    private static final List<String> DATE = List.of("published_at", "publishedAt", "published", "datePublished",
            "date_published", "publication_date", "pub_date", "date", "created_at", "timestamp", "time");
    private static final List<String> URL = List.of("url", "link", "permalink", "canonical_url", "canonical",
            "web_url", "source_url", "href");
    private static final List<String> SITE = List.of("site", "site_name", "source_name", "source", "publisher",
            "outlet", "publication", "newspaper", "domain");
    private static final List<String> SECTION = List.of("section", "category", "articleSection", "section_name",
            "rubrique", "categories");
    private static final Pattern MARKUP = Pattern.compile("(?is)<(p|div|br|h[1-6]|article|span|a)\\b[^>]*>");

    private JsonArticleMapper() {
    }

    static Extraction extract(String json) {
        Map<String, Object> fields;
        try {
            fields = Json.mapper().readValue(json, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON article object: " + e.getOriginalMessage(), e);
        }
        if (fields == null) {
            throw new IllegalArgumentException("Not a JSON article object: null");
        }
        Map<String, Object> rest = new LinkedHashMap<>(fields);
        String body = take(rest, BODY);
        if (body == null) {
            body = take(rest, List.of("description", "summary"));
        }
        if (body == null) {
            throw new IllegalArgumentException("JSON article has no non-empty body field (looked for " + BODY
                    + ", then description, summary); fields: "
                    + fields.keySet());
        }
        Draft d = new Draft();
        d.title = take(rest, TITLE);
        d.byline = take(rest, BYLINE);
        d.byline = lettersOnly(d.byline, "author_id", d);
        if (d.byline != null && ChromeSignals.byline(d.byline) != null) {
            d.byline = ChromeSignals.byline(d.byline);
        }
        String date = take(rest, DATE, true);
        if (date != null) {
            d.publishedAt = NewsDateParser.parse(date).orElse(null);
        }
        d.url = take(rest, URL);
        d.site = take(rest, SITE);
        d.section = lettersOnly(take(rest, SECTION), "section_id", d);
        d.extra.putAll(rest);
        if (MARKUP.matcher(body).find()) {
            Extraction html = HtmlExtractor.extract(body);
            List<String> paragraphs = List.of(html.body().split("\n\n"));
            d.removed.addAll(html.removed());
            d.title = d.title != null ? d.title : html.title();
            d.byline = d.byline != null ? d.byline : html.byline();
            d.publishedAt = d.publishedAt != null ? d.publishedAt : html.publishedAt();
            return d.finish(paragraphs, "JSON article");
        }
        return d.finish(BodyCleaner.cleanText(body, d), "JSON article");
    }

    private static String take(Map<String, Object> fields, List<String> names) {
        return take(fields, names, false);
    }

    /** Removes and returns the first present field of {@code names} as text; a date field must parse. */
    private static String take(Map<String, Object> fields, List<String> names, boolean dateOnly) {
        for (String name : names) {
            String key = fields.keySet().stream().filter(k -> fieldName(k).equals(fieldName(name))).findFirst()
                    .orElse(null);
            if (key == null) {
                continue;
            }
            String value = asText(fields.get(key));
            if (value == null || (dateOnly && NewsDateParser.parse(value).isEmpty())) {
                continue;
            }
            fields.remove(key);
            return value;
        }
        return null;
    }

    /** Ids given where a name is expected (WordPress {@code "author": 3}) go to extra, not into the field. */
    private static String lettersOnly(String value, String idField, Draft d) {
        if (value != null && value.codePoints().noneMatch(Character::isLetter)) {
            d.extra.put(idField, value);
            return null;
        }
        return value;
    }

    /** Field names compared without case, underscores or hyphens: {@code bodyHtml} is {@code body_html}. */
    private static String fieldName(String name) {
        return name.replace("_", "").replace("-", "").replace(":", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String asText(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Map<?, ?> map) {
            for (String key : List.of("name", "title", "rendered", "url", "@id", "value")) {
                if (map.get(key) instanceof String s && !s.isBlank()) {
                    return s.strip();
                }
            }
            return null;
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object item : list) {
                String text = asText(item);
                if (text != null) {
                    parts.add(text);
                }
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        return null;
    }
}
