package dev.khabar.enrich.dedup;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.enrich.EnrichMetrics;
import dev.khabar.enrich.ExtractedArticle;
import dev.khabar.model.DuplicateRecord;

/**
 * Runs the {@link DedupEngine} on the single dedup partition, so one task sees every article in one order and
 * decides which copy is first. The ingest time is the record timestamp. A wall-clock punctuator removes entries
 * older than the retention (measured against stream time), so the four stores stay bounded.
 */
public final class DedupProcessor implements FixedKeyProcessor<String, ExtractedArticle, DedupOutcome> {

    static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

    private final DedupSettings settings;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, DedupOutcome> context;
    private DedupEngine engine;

    public DedupProcessor(DedupSettings settings) {
        this(settings, EnrichMetrics.none());
    }

    public DedupProcessor(DedupSettings settings, EnrichMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DedupOutcome> context) {
        this.context = context;
        DedupState state = DedupState.onStores(context.getStateStore(DedupState.EXACT_STORE),
                context.getStateStore(DedupState.BAND_STORE), context.getStateStore(DedupState.SIGNATURE_STORE),
                context.getStateStore(DedupState.EXPIRY_STORE));
        this.engine = new DedupEngine(settings, state);
        context.schedule(EXPIRY_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> expire());
    }

    private void expire() {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime <= 0) {
            return;
        }
        int removed = engine.expire(streamTime);
        if (removed > 0) {
            LOG.debug("Expired {} dedup entries ingested before {}", removed,
                    Instant.ofEpochMilli(streamTime).minus(settings.retention()));
        }
    }

    @Override
    public void process(FixedKeyRecord<String, ExtractedArticle> record) {
        ExtractedArticle article = record.value();
        DedupVerdict verdict = metrics.timeDedup(() -> engine.decide(article.id(), article.extraction().body(),
                record.timestamp()));
        ExtractedArticle fingerprinted = article.withFingerprint(verdict.fingerprint());
        DuplicateRecord duplicate = null;
        if (verdict.duplicate()) {
            duplicate = new DuplicateRecord(DuplicateRecord.SCHEMA_VERSION, article.id(), verdict.duplicateOf(),
                    verdict.similarity(), verdict.kind(), verdict.fingerprint(), article.source(),
                    Instant.ofEpochMilli(record.timestamp()));
            metrics.duplicate(verdict.kind());
            LOG.info("Duplicate {} ({}) from {}: {} of {}, similarity {}; to articles.duplicates", article.id(),
                    article.source().fileName(),
                    context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"),
                    verdict.kind(), verdict.duplicateOf(), verdict.similarity());
        }
        context.forward(record.withValue(new DedupOutcome(fingerprinted, duplicate)));
    }
}
