package dev.khabar.enrich;

import java.util.Map;

import dev.khabar.enrich.entity.EntityRecognizer;
import dev.khabar.enrich.extract.ArticleExtractor;
import dev.khabar.enrich.language.LanguageIdentifier;

/** The plain-Java steps the topology runs; tests may pass their own. */
public record EnrichmentSteps(ArticleExtractor extractor, LanguageIdentifier languages, EntityRecognizer entities) {

    /** The steps the pipeline ships with. */
    public static EnrichmentSteps standard() {
        return standard(true);
    }

    /** The steps the pipeline ships with; {@code nerContext} false: the faster English and French entity models. */
    public static EnrichmentSteps standard(boolean nerContext) {
        return new EnrichmentSteps(ArticleExtractor.standard(), LanguageIdentifier.standard(),
                nerContext ? EntityRecognizer.standard() : EntityRecognizer.fast());
    }

    /** The version of each step, recorded on every enriched record. */
    public Map<String, String> models() {
        return Map.of("extract", extractor.version(), "language", languages.version(), "entities", entities.version());
    }
}
