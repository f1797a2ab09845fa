package dev.khabar.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.khabar.model.Format;
import dev.khabar.model.RemovedSegment;

/** The five scraped seed pages: chrome out, every real paragraph in, fields as the gold files state them. */
class SeedExtractionTest {

    /** Chrome that must never reach a body, whichever seed it comes from. */
    private static final List<String> CHROME = List.of("هل أعجبك هذا المقال", "يرجى إدخال الأرقام",
            "سياسة الفاصل بشأن التعليقات", "0 تعليق", "ارسل طباعة تبليغ حذف", "نعرض لكم زوارنا",
            "لايعبّر بالضرورة عن وجهة نظر المسلة", "الرابط المختصر", "https://gulfnews24.net", "About Post Author",
            "See author's posts", "كلمات دلالية", "إقرأ أيضاً", "إخترنا لك", "أخبار ذات صلة",
            "المسلة – متابعة – وكالات", "تاريخ النشر", "أنس البار |");

    private static Extraction extract(String seed) {
        return Fixtures.extract(Format.TEXT, Fixtures.text("/extract/seeds/" + seed + ".txt"));
    }

    private static List<String> paragraphs(String body) {
        return List.of(body.split("\n\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"})
    void bodyHasNoChrome(String seed) {
        String body = extract(seed).body();
        for (String chrome : CHROME) {
            assertFalse(body.contains(chrome), seed + " body contains chrome: " + chrome);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"})
    void keepsEveryRealParagraphInOrder(String seed) {
        JsonNode gold = Fixtures.json("/extract/seeds/" + seed + ".gold.json");
        assertEquals(paragraphs(gold.get("body").asText()), paragraphs(extract(seed).body()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"})
    void findsTheStatedFields(String seed) {
        JsonNode gold = Fixtures.json("/extract/seeds/" + seed + ".gold.json");
        Extraction e = extract(seed);
        assertEquals(gold.get("title").textValue(), e.title(), "title");
        assertEquals(gold.get("byline").textValue(), e.byline(), "byline");
        assertEquals(gold.get("published_at").textValue(), e.publishedAt(), "published_at");
        assertEquals(gold.get("url").textValue(), e.url(), "url");
        assertEquals(gold.get("site").textValue(), e.site(), "site");
        assertEquals(gold.get("section").textValue(), e.section(), "section");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-000", "seed-004"})
    void keepsEachRepeatedCaptionOnce(String seed) {
        Extraction e = extract(seed);
        List<RemovedSegment> duplicates = e.removed().stream()
                .filter(r -> r.kind().equals("caption_duplicate")).toList();
        assertEquals(2, duplicates.size());
        for (RemovedSegment duplicate : duplicates) {
            assertEquals(1, paragraphs(e.body()).stream().filter(duplicate.text()::equals).count(),
                    "caption kept exactly once: " + duplicate.text());
        }
    }

    @Test
    void splitsOffTheAppendedRelatedArticle() {
        Extraction e = extract("seed-003");
        List<RemovedSegment> related = e.removed().stream().filter(r -> r.kind().equals("related_article")).toList();
        assertTrue(related.get(0).text().startsWith("إقرأ أيضاً"));
        assertTrue(related.stream().anyMatch(r -> r.text().startsWith("البيئة السنية على طرفي الحدود")));
        assertFalse(e.body().contains("منفذ البوكمال"));
        assertTrue(e.body().endsWith("الاستقرار وسط ضغوط داخلية وخارجية متزايدة."));
    }

    @Test
    void recordsWhyEachSegmentWasRemoved() {
        Extraction e = extract("seed-002");
        assertTrue(e.removed().contains(new RemovedSegment("share_bar",
                "النشرة (لبنان) 0 تعليق ارسل طباعة تبليغ حذف", "share-vocabulary")));
        assertTrue(e.removed().stream().anyMatch(r -> r.rule().equals("title-repeat")));
        assertTrue(e.removed().stream().anyMatch(r -> r.kind().equals("boilerplate")
                && r.text().equals("مصدرنا الإخبارى -") && r.rule().equals("site-name-prefix")));
        assertTrue(extract("seed-003").removed().stream().anyMatch(r -> r.kind().equals("disclaimer")));
        assertTrue(extract("seed-001").removed().contains(new RemovedSegment("link",
                "الرابط المختصر https://gulfnews24.net/?p=72966", "url-line")));
    }

    @Test
    void usesThePlaceholderFreeExtractorAsStandard() {
        assertEquals(NewsExtractor.VERSION, ArticleExtractor.standard().version());
    }
}
