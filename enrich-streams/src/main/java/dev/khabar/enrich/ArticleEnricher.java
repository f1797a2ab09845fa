package dev.khabar.enrich;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.khabar.enrich.entity.EntityLinker;
import dev.khabar.enrich.entity.EntityRecognizer;
import dev.khabar.enrich.extract.Extraction;
import dev.khabar.enrich.language.LanguageIdentifier;
import dev.khabar.enrich.measure.DateFinder;
import dev.khabar.enrich.measure.QuantityFinder;
import dev.khabar.model.Dedup;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Entity;
import dev.khabar.model.Language;
import dev.khabar.model.Pipeline;

/** Tags a unique article's language and entities and assembles the enriched record. */
public final class ArticleEnricher {

    private final LanguageIdentifier languages;
    private final EntityRecognizer entities;
    private final EntityLinker linker = EntityLinker.standard();
    private final Map<String, String> models;
    private final Clock clock;
    private final EnrichMetrics metrics;

    public ArticleEnricher(EnrichmentSteps steps, Clock clock) {
        this(steps, clock, EnrichMetrics.none());
    }

    public ArticleEnricher(EnrichmentSteps steps, Clock clock, EnrichMetrics metrics) {
        this.languages = steps.languages();
        this.entities = steps.entities();
        Map<String, String> versions = new HashMap<>(steps.models());
        versions.put("canonical", linker.version());
        this.models = Map.copyOf(versions);
        this.clock = clock;
        this.metrics = metrics;
    }

    public EnrichedArticle enrich(ExtractedArticle article) {
        Extraction x = article.extraction();
        Language language = metrics.timeLangid(() -> languages.identify(x.title(), x.body()));
        List<Entity> found = metrics.timeNer(() -> entities.recognize(x.body(), language.code()));
        metrics.enriched(language.code(), found.size());
        EntityLinker.Linked linked = linker.link(x.body(), language.code(), found,
                word -> entities.ordinaryWord(word, language.code()));
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article.id(), article.source(), x.title(), x.body(),
                x.byline(), x.publishedAt(), x.url(), x.site(), x.section(), x.extra(), x.removed(), language,
                linked.entities(), new Dedup(Dedup.UNIQUE, article.fingerprint()),
                new Pipeline(PipelineVersion.VERSION, Instant.now(clock), models), linked.canonical(),
                DateFinder.find(x.body(), x.publishedAt()), QuantityFinder.find(x.body(), language.code()));
    }
}
