package dev.khabar.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import dev.khabar.enrich.dedup.DedupOutcome;
import dev.khabar.enrich.dedup.DedupProcessor;
import dev.khabar.enrich.dedup.DedupSettings;
import dev.khabar.enrich.dedup.DedupState;
import dev.khabar.model.JsonSerde;
import dev.khabar.model.RawArticle;
import dev.khabar.model.Topics;

/**
 * The enrichment topology: extract on every partition of {@code articles.raw}; bring all articles to one
 * partition so one task sees every article in one order and decides which copy is first; fan unique articles back
 * out to {@code partitions} partitions for language and entity tagging.
 *
 * <pre>
 * articles.raw ─ extract ─▶ [dedup-repartition, 1 partition] ─ dedup ─┬─ duplicate ─▶ articles.duplicates
 *                                                                     └─ unique ─▶ [enrich-repartition, N] ─ enrich ─▶ articles.enriched
 * </pre>
 * Processing errors and undeserialisable records go to {@code articles.dlq} through the exception handlers
 * configured by {@link EnrichConfig#streamsProperties()}.
 */
public final class EnrichTopology {

    public static final String DEDUP_REPARTITION = "dedup";
    public static final String ENRICH_REPARTITION = "enrich";
    private static final String DEDUP_BRANCHES = "dedup-";
    private static final String DUPLICATE = "duplicate";
    private static final String UNIQUE = "unique";

    private EnrichTopology() {
    }

    /** The topology with the default dedup retention. */
    public static Topology build(int partitions, EnrichmentSteps steps, Clock clock) {
        return build(partitions, steps, clock, DedupSettings.DEFAULT_RETENTION);
    }

    /** The topology; articles stay in the duplicate index for {@code dedupRetention} after their ingest time. */
    public static Topology build(int partitions, EnrichmentSteps steps, Clock clock, Duration dedupRetention) {
        return build(partitions, steps, clock, dedupRetention, EnrichMetrics.none());
    }

    /** The topology, recording each step's time and outcome in {@code metrics}. */
    public static Topology build(int partitions, EnrichmentSteps steps, Clock clock, Duration dedupRetention,
                                 EnrichMetrics metrics) {
        JsonSerde<ExtractedArticle> extracted = new JsonSerde<>(ExtractedArticle.class);
        ArticleEnricher enricher = new ArticleEnricher(steps, clock, metrics);
        DedupSettings dedup = DedupSettings.defaults().withRetention(dedupRetention);
        StreamsBuilder builder = new StreamsBuilder();
        DedupState.storeBuilders().forEach(builder::addStateStore);

        KStream<String, RawArticle> raw = builder.stream(Topics.RAW.name(),
                Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde()).withName("read-raw"));
        Map<String, KStream<String, DedupOutcome>> outcomes = raw
                .filter((id, article) -> article != null, Named.as("skip-tombstones"))
                .mapValues(article -> new ExtractedArticle(article.id(), article.source(),
                        metrics.timeExtract(() -> steps.extractor().extract(article)), null), Named.as("extract"))
                .repartition(Repartitioned.<String, ExtractedArticle>as(DEDUP_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(extracted).withNumberOfPartitions(1))
                .processValues(() -> new DedupProcessor(dedup, metrics), Named.as("dedup"),
                        DedupState.STORE_NAMES.toArray(String[]::new))
                .split(Named.as(DEDUP_BRANCHES))
                .branch((id, outcome) -> outcome.isDuplicate(), Branched.as(DUPLICATE))
                .defaultBranch(Branched.as(UNIQUE));

        outcomes.get(DEDUP_BRANCHES + DUPLICATE)
                .mapValues(DedupOutcome::duplicate, Named.as("duplicate-record"))
                .to(Topics.DUPLICATES.name(), Produced.with(Topics.DUPLICATES.keySerde(), Topics.DUPLICATES.valueSerde())
                        .withName("write-duplicates"));
        outcomes.get(DEDUP_BRANCHES + UNIQUE)
                .mapValues(DedupOutcome::article, Named.as("unique-article"))
                .repartition(Repartitioned.<String, ExtractedArticle>as(ENRICH_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(extracted).withNumberOfPartitions(partitions))
                .processValues(() -> new EnrichProcessor(enricher), Named.as("enrich"))
                .to(Topics.ENRICHED.name(), Produced.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
                        .withName("write-enriched"));
        return builder.build();
    }
}
