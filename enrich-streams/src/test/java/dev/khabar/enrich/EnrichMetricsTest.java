package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EnrichMetricsTest {

    @Test
    void languageTagsStayBoundedAndOddCodesCountAsOther() {
        EnrichMetrics metrics = new EnrichMetrics(new SimpleMeterRegistry());
        assertEquals("ar", metrics.languageTag("ar"));
        assertEquals(EnrichMetrics.OTHER, metrics.languageTag("Arab-x"));
        assertEquals(EnrichMetrics.OTHER, metrics.languageTag(null));
        for (int i = 0; i < 100; i++) {
            metrics.languageTag("l" + (char) ('a' + i % 26) + (char) ('a' + i / 26));
        }
        assertEquals("ar", metrics.languageTag("ar"), "a language seen early keeps its tag");
        assertEquals(EnrichMetrics.OTHER, metrics.languageTag("zz"));
    }

    @Test
    void enrichedArticlesAreCountedByLanguageWithTheirEntities() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EnrichMetrics metrics = new EnrichMetrics(registry);
        metrics.enriched("ar", 4);
        metrics.enriched("ar", 6);
        metrics.enriched("en", 0);
        metrics.duplicate("near");
        assertEquals(3, registry.get("khabar.enrich.articles.enriched").counter().count());
        assertEquals(2, registry.get("khabar.enrich.articles.language").tag("language", "ar").counter().count());
        assertEquals(10, registry.get("khabar.enrich.entities").summary().totalAmount());
        assertEquals(1, registry.get("khabar.enrich.duplicates").tag("kind", "near").counter().count());
        assertEquals(0, registry.get("khabar.enrich.duplicates").tag("kind", "exact").counter().count());
    }
}
