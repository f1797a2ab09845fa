package dev.khabar.enrich.dedup;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.khabar.enrich.ExtractedArticle;
import dev.khabar.model.DuplicateRecord;

/**
 * Decides, in arrival order on the single dedup partition, whether an article is the first copy of its body.
 * The first copy's id is kept per fingerprint; a later copy with another id or another file is a duplicate.
 */
public final class DedupProcessor implements FixedKeyProcessor<String, ExtractedArticle, DedupOutcome> {

    /** fingerprint to id of the first copy. */
    public static final String EXACT_STORE = "dedup-exact-store";

    private FixedKeyProcessorContext<String, DedupOutcome> context;
    private KeyValueStore<String, String> firstCopies;

    @Override
    public void init(FixedKeyProcessorContext<String, DedupOutcome> context) {
        this.context = context;
        this.firstCopies = context.getStateStore(EXACT_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ExtractedArticle> record) {
        ExtractedArticle article = record.value();
        String fingerprint = ExactFingerprint.of(article.extraction().body());
        ExtractedArticle fingerprinted = article.withFingerprint(fingerprint);
        String first = firstCopies.get(fingerprint);
        if (first == null) {
            firstCopies.put(fingerprint, article.id());
            context.forward(record.withValue(new DedupOutcome(fingerprinted, null)));
        } else {
            DuplicateRecord duplicate = new DuplicateRecord(DuplicateRecord.SCHEMA_VERSION, article.id(), first, 1.0,
                    DuplicateRecord.EXACT, fingerprint, article.source(), Instant.ofEpochMilli(record.timestamp()));
            context.forward(record.withValue(new DedupOutcome(fingerprinted, duplicate)));
        }
    }
}
