package dev.khabar.enrich.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import dev.khabar.model.Json;

/**
 * HTML pages: JSON-LD {@code NewsArticle}, OpenGraph and {@code <meta>} values first, then the main content
 * block (the element holding the most paragraph text) with page furniture removed, then the same line rules as
 * plain text.
 */
final class HtmlExtractor {

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "blogposting", "opinionnewsarticle", "backgroundnewsarticle", "webpage",
            "newsmediaarticle", "liveblogposting", "socialmediaposting");
    private static final Pattern NOISE = Pattern.compile(
            "(^|[\\s_-])(comments?|disqus|related|recommend(ed|ations)?|recirc|share|sharing|social|newsletter"
                    + "|subscribe|subscription|promo|advert|advertisement|ads?|banner|sponsor(ed)?|sidebar|widget"
                    + "|breadcrumbs?|cookies?|popup|modal|outbrain|taboola|most-?read|popular|trending|tags|tag-list"
                    + "|topics|nav|navbar|navigation|menu|footer|masthead|read-?more|more-stories|signup|paywall"
                    + "|author-box|author-bio|more)($|[\\s_-])");
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li",
            "figcaption", "pre", "div", "section", "article", "main", "ul", "ol", "figure", "header", "table",
            "tr", "td", "th", "dl", "dt", "dd", "address", "time");

    private HtmlExtractor() {
    }

    static Extraction extract(String html) {
        Document doc = Jsoup.parse(html);
        String titleTag = doc.title().strip();
        String ogTitle = meta(doc, "og:title", "twitter:title");
        Draft d = new Draft();
        readJsonLd(doc, d);
        readMeta(doc, d);
        doc.select("script, style, noscript, template, iframe, svg, nav, aside, footer, form, button, select, "
                + "input, textarea, img, video, audio, picture source, link, meta").remove();
        for (Element header : doc.select("header")) {
            if (header.selectFirst("h1") == null) {
                header.remove();
            }
        }
        removeNoise(doc);
        Element main = mainContent(doc);
        readInlineMeta(main, d);
        Element h1 = doc.selectFirst("h1");
        if (d.title == null && h1 != null && !h1.text().isBlank()) {
            d.title = h1.text().strip();
        }
        if (d.title == null && ogTitle != null) {
            splitPageTitle(ogTitle, d);
        }
        Element headline = h1 != null ? h1 : emphasisedHeadline(main);
        if (d.title == null && headline != null) {
            d.title = headline.text().strip();
        }
        if (d.title == null) {
            splitPageTitle(titleTag, d);
        }
        if (d.title != null && d.site != null) {
            d.title = stripSiteSuffix(d.title, d.site);
        }
        if (d.publishedAt == null && headline != null) {
            dateNear(headline, d);
        }
        if (d.site == null && d.title != null) {
            d.site = siteFromTitleTag(titleTag, d.title);
        }
        List<String> lines = new ArrayList<>();
        blockLines(main, lines);
        List<String> body = BodyCleaner.clean(lines, d);
        return d.finish(body, "HTML page");
    }

    /** With no {@code h1}: the first heading, title-classed or bold short text before the first paragraph. */
    private static Element emphasisedHeadline(Element main) {
        for (Element el : main.select("h2, h3, [class*=title], [class*=headline], b, strong, font[size=4], "
                + "font[size=5], font[size=6], p, div")) {
            String text = el.text().strip();
            if (el.normalName().equals("p") || el.normalName().equals("div")) {
                if (!hasBlock(el) && ChromeSignals.isParagraph(text)) {
                    return null;
                }
                continue;
            }
            int words = ChromeSignals.words(text);
            if (words >= 2 && words <= 20 && !ChromeSignals.endsLikeSentence(text)) {
                return el;
            }
        }
        return null;
    }

    /** A date written in the few text blocks right after the headline (the dateline under a title). */
    private static void dateNear(Element headline, Draft d) {
        Element el = headline;
        for (int i = 0; i < 4 && el != null; i++) {
            Element next = el.nextElementSibling();
            while (next == null && el.parent() != null && i < 4) {
                el = el.parent();
                next = el.nextElementSibling();
            }
            if (next == null) {
                return;
            }
            String text = next.text();
            if (ChromeSignals.words(text) <= 14) {
                String date = NewsDateParser.parse(text).orElse(null);
                if (date != null) {
                    d.publishedAt = date;
                    return;
                }
            }
            el = next;
        }
    }

    /** The site named after the headline in {@code <title>}, as in {@code Headline | Site}. */
    private static String siteFromTitleTag(String titleTag, String title) {
        String tag = ChromeSignals.fold(BodyCleaner.normalizeLine(titleTag));
        String head = ChromeSignals.fold(BodyCleaner.normalizeLine(title));
        if (!tag.startsWith(head) || tag.length() == head.length()) {
            return null;
        }
        String rest = BodyCleaner.normalizeLine(titleTag).substring(Math.min(titleTag.length(), title.length()));
        rest = rest.strip();
        if (rest.isEmpty() || "|-–—:·".indexOf(rest.charAt(0)) < 0) {
            return null;
        }
        String site = rest.substring(1).strip();
        return ChromeSignals.words(site) >= 1 && ChromeSignals.words(site) <= 5 ? site : null;
    }

    private static void readJsonLd(Document doc, Draft d) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = Json.mapper().readTree(script.data());
            } catch (JsonProcessingException e) {
                continue;
            }
            JsonNode article = findArticle(root);
            if (article == null) {
                continue;
            }
            d.title = first(d.title, text(article.get("headline")));
            d.title = first(d.title, text(article.get("name")));
            d.publishedAt = first(d.publishedAt, date(text(article.get("datePublished"))));
            d.updatedAt = first(d.updatedAt, date(text(article.get("dateModified"))));
            d.byline = first(d.byline, names(article.get("author")));
            d.site = first(d.site, names(article.get("publisher")));
            d.section = first(d.section, text(article.get("articleSection")));
            d.url = first(d.url, text(article.get("url")));
            JsonNode page = article.get("mainEntityOfPage");
            d.url = first(d.url, page != null && page.isObject() ? text(page.get("@id")) : text(page));
            return;
        }
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        } else if (type != null) {
            types.add(type.asText().toLowerCase(Locale.ROOT));
        }
        if (types.stream().anyMatch(ARTICLE_TYPES::contains) && node.has("headline")) {
            return node;
        }
        return findArticle(node.get("@graph"));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isObject()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String names(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return text(node);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
            String name = item.isObject() ? text(item.get("name")) : text(item);
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String date(String value) {
        return value == null ? null : NewsDateParser.parse(value).orElse(null);
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }

    private static void readMeta(Document doc, Draft d) {
        d.site = first(d.site, meta(doc, "og:site_name", "application-name", "publisher"));
        String ogTitle = meta(doc, "og:title", "twitter:title", "headline");
        if (d.title == null && ogTitle != null && d.site != null) {
            d.title = stripSiteSuffix(ogTitle, d.site);
        }
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        d.url = first(d.url, canonical != null ? canonical.attr("href").strip() : null);
        d.url = first(d.url, meta(doc, "og:url"));
        d.publishedAt = first(d.publishedAt, date(meta(doc, "article:published_time", "datePublished", "pubdate",
                "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "parsely-pub-date",
                "sailthru.date")));
        d.updatedAt = first(d.updatedAt, date(meta(doc, "article:modified_time", "og:updated_time")));
        String author = meta(doc, "author", "article:author", "parsely-author", "dc.creator", "byl");
        if (author != null && ChromeSignals.firstUrl(author) == null) {
            d.byline = first(d.byline, author.replaceFirst("(?i)^by\\s+", ""));
        }
        d.section = first(d.section, meta(doc, "article:section", "parsely-section", "section"));
    }

    private static String stripSiteSuffix(String title, String site) {
        for (String sep : List.of(" | ", " - ", " – ", " — ")) {
            if (title.endsWith(sep + site)) {
                return title.substring(0, title.length() - sep.length() - site.length()).strip();
            }
            if (title.startsWith(site + sep)) {
                return title.substring(site.length() + sep.length()).strip();
            }
        }
        return title;
    }

    /**
     * A page title such as {@code Headline | Site} or {@code SITE | Section | Headline}: with bars, the longest part
     * is the headline and the part at the other end is the site; with dashes only a short end part is cut off.
     */
    private static void splitPageTitle(String pageTitle, Draft d) {
        if (pageTitle == null || pageTitle.isBlank()) {
            return;
        }
        String t = BodyCleaner.normalizeLine(pageTitle);
        if (d.site != null) {
            d.title = stripSiteSuffix(t, d.site);
            return;
        }
        String[] parts = t.split("\\s+\\|\\s+");
        if (parts.length == 1) {
            parts = t.split("\\s+[-–—]\\s+");
            if (parts.length > 1 && ChromeSignals.words(parts[parts.length - 1]) <= 4) {
                d.site = parts[parts.length - 1].strip();
                d.title = t.substring(0, t.lastIndexOf(d.site)).replaceFirst("\\s+[-–—]\\s*$", "").strip();
                return;
            }
            d.title = t;
            return;
        }
        int longest = 0;
        for (int i = 1; i < parts.length; i++) {
            if (ChromeSignals.words(parts[i]) > ChromeSignals.words(parts[longest])) {
                longest = i;
            }
        }
        d.title = parts[longest].strip();
        String site = longest == 0 ? parts[parts.length - 1] : parts[0];
        if (ChromeSignals.words(site) <= 4) {
            d.site = site.strip();
        }
    }

    private static String meta(Document doc, String... names) {
        for (String name : names) {
            for (Element meta : doc.select("meta[content]")) {
                String key = meta.hasAttr("property") ? meta.attr("property") : meta.hasAttr("name")
                        ? meta.attr("name") : meta.attr("itemprop");
                if (key.equalsIgnoreCase(name) && !meta.attr("content").isBlank()) {
                    return meta.attr("content").strip();
                }
            }
        }
        return null;
    }

    private static void readInlineMeta(Element main, Draft d) {
        Element root = main.ownerDocument() != null ? main.ownerDocument() : main;
        if (d.publishedAt == null) {
            for (Element time : root.select("[itemprop=datePublished], time[datetime], time, [class*=date], "
                    + "[class*=publish], [class*=time]")) {
                String value = time.hasAttr("datetime") ? time.attr("datetime") : time.hasAttr("content")
                        ? time.attr("content") : time.text();
                String parsed = date(value);
                if (parsed != null) {
                    d.publishedAt = parsed;
                    break;
                }
            }
        }
        if (d.byline == null) {
            Element author = null;
            for (String selector : List.of("[itemprop=author] [itemprop=name]", "[itemprop=author]", "[rel=author]",
                    ".byline__name", ".author-name", ".byline", ".author", "[class*=author]", "[class*=byline]")) {
                author = root.selectFirst(selector);
                if (author != null && !author.text().isBlank()) {
                    break;
                }
            }
            if (author != null && !author.text().isBlank() && ChromeSignals.words(author.text()) <= 10) {
                String byline = ChromeSignals.byline(author.text());
                d.byline = byline != null ? byline : author.text().strip();
            }
        }
    }

    private static void removeNoise(Document doc) {
        List<Element> noisy = new ArrayList<>();
        for (Element el : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            String tag = el.normalName();
            if (tag.equals("body") || tag.equals("html") || tag.equals("article") || tag.equals("main")
                    || el.selectFirst("h1") != null) {
                continue;
            }
            String names = (el.className() + " " + el.id() + " " + el.attr("role") + " " + el.attr("data-component"))
                    .toLowerCase(Locale.ROOT);
            if (!names.isBlank() && NOISE.matcher(names).find()) {
                noisy.add(el);
            }
        }
        noisy.forEach(Element::remove);
    }

    private static Element mainContent(Document doc) {
        Element body = doc.body();
        if (body == null) {
            throw new IllegalArgumentException("HTML page has no body");
        }
        Element declared = body.selectFirst("[itemprop=articleBody]");
        if (declared != null && paragraphScore(declared) > 0) {
            return declared;
        }
        Map<Element, Double> scores = new HashMap<>();
        for (Element el : body.getAllElements()) {
            boolean block = el.normalName().equals("p") || (el.normalName().equals("div") && !hasBlock(el));
            if (!block || ChromeSignals.words(el.text()) < 8 || el.parent() == null) {
                continue;
            }
            double length = el.text().length();
            scores.merge(el.parent(), length, Double::sum);
            if (el.parent().parent() != null) {
                scores.merge(el.parent().parent(), 0.75 * length, Double::sum);
            }
        }
        Element best = body;
        double bestScore = 0;
        for (Element el : body.getAllElements()) {
            double score = scores.getOrDefault(el, 0.0);
            if (score > bestScore) {
                best = el;
                bestScore = score;
            }
        }
        if (best != body) {
            Element article = best.closest("article");
            if (article != null && article.text().length() < 3 * Math.max(1, best.text().length())) {
                return article;
            }
        }
        return best;
    }

    /** Text of the element's direct paragraph children that read as running text. */
    private static int paragraphScore(Element el) {
        int score = 0;
        for (Element child : el.children()) {
            if (child.normalName().equals("p") || (child.normalName().equals("div") && !hasBlock(child))) {
                String text = child.text();
                if (ChromeSignals.words(text) >= 8) {
                    score += text.length();
                }
            }
        }
        return score;
    }

    private static void blockLines(Element el, List<String> out) {
        StringBuilder inline = new StringBuilder();
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode text) {
                inline.append(text.text());
            } else if (child instanceof Element e) {
                if (e.normalName().equals("br")) {
                    flush(inline, out);
                } else if (BLOCKS.contains(e.normalName()) || hasBlock(e)) {
                    flush(inline, out);
                    blockLines(e, out);
                } else {
                    inline.append(inlineText(e));
                }
            }
        }
        flush(inline, out);
    }

    private static String inlineText(Element e) {
        if (e.select("br").isEmpty()) {
            return e.text();
        }
        List<String> parts = new ArrayList<>();
        blockLines(e, parts);
        return String.join("\n", parts);
    }

    private static boolean hasBlock(Element e) {
        for (Element child : e.children()) {
            if (BLOCKS.contains(child.normalName()) || hasBlock(child)) {
                return true;
            }
        }
        return false;
    }

    private static void flush(StringBuilder inline, List<String> out) {
        for (String line : inline.toString().split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        inline.setLength(0);
    }
}
