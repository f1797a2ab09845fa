package dev.khabar.enrich;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.EnrichedArticle;

/** Enriches one unique article and logs one line with its id, source file and position. */
final class EnrichProcessor implements FixedKeyProcessor<String, ExtractedArticle, EnrichedArticle> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

    private final ArticleEnricher enricher;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;

    EnrichProcessor(ArticleEnricher enricher) {
        this.enricher = enricher;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, ExtractedArticle> record) {
        EnrichedArticle article = enricher.enrich(record.value());
        LOG.info("Enriched {} ({}) from {}: language {}, {} entities", article.id(), article.source().fileName(),
                context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"),
                article.language().code(), article.entities().size());
        context.forward(record.withValue(article));
    }
}
