package dev.khabar.enrich;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import dev.khabar.model.DuplicateRecord;

/**
 * The enrichment's own meters: articles enriched, duplicates by kind, dead-lettered records by cause, the language
 * mix, entities per article and the time of each step (extract, dedup, langid, ner).
 */
public final class EnrichMetrics {

    /** The Streams property that hands this object to the exception handlers. */
    public static final String CONFIG = "khabar.enrich.metrics";
    /** At most this many languages get their own tag value; later ones count as {@value #OTHER}. */
    static final int MAX_LANGUAGES = 24;
    static final String OTHER = "other";
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Counter exact;
    private final Counter near;
    private final DistributionSummary entities;
    private final Timer extract;
    private final Timer dedup;
    private final Timer langid;
    private final Timer ner;
    private final Set<String> languages = ConcurrentHashMap.newKeySet();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = Counter.builder("khabar.enrich.articles.enriched")
                .description("Unique articles enriched and written to articles.enriched").register(registry);
        this.exact = duplicates(registry, DuplicateRecord.EXACT);
        this.near = duplicates(registry, DuplicateRecord.NEAR);
        this.entities = DistributionSummary.builder("khabar.enrich.entities")
                .description("Entities found per enriched article")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200).register(registry);
        this.extract = step(registry, "extract");
        this.dedup = step(registry, "dedup");
        this.langid = step(registry, "langid");
        this.ner = step(registry, "ner");
        Counter.builder("khabar.enrich.dlq.records").description("Records sent to articles.dlq, by stage and cause")
                .tags("stage", "none", "cause", "none").register(registry);
    }

    /** Meters that go nowhere, for tests and tools that build the topology without a service. */
    public static EnrichMetrics none() {
        return new EnrichMetrics(new CompositeMeterRegistry());
    }

    /** The meters handed to a Streams handler under {@link #CONFIG}, or {@link #none()} where there are none. */
    static EnrichMetrics from(Map<String, ?> configs) {
        return configs.get(CONFIG) instanceof EnrichMetrics given ? given : none();
    }

    private static Counter duplicates(MeterRegistry registry, String kind) {
        return Counter.builder("khabar.enrich.duplicates").description("Articles dropped as duplicates, by kind")
                .tag("kind", kind).register(registry);
    }

    private static Timer step(MeterRegistry registry, String step) {
        return Timer.builder("khabar.enrich.step").description("Time of one enrichment step on one article")
                .tag("step", step).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    <T> T timeExtract(Supplier<T> step) {
        return extract.record(step);
    }

    public <T> T timeDedup(Supplier<T> step) {
        return dedup.record(step);
    }

    <T> T timeLangid(Supplier<T> step) {
        return langid.record(step);
    }

    <T> T timeNer(Supplier<T> step) {
        return ner.record(step);
    }

    public void duplicate(String kind) {
        (DuplicateRecord.NEAR.equals(kind) ? near : exact).increment();
    }

    void enriched(String language, int entityCount) {
        enriched.increment();
        entities.record(entityCount);
        Counter.builder("khabar.enrich.articles.language").description("Enriched articles by body language")
                .tag("language", languageTag(language)).register(registry).increment();
    }

    /** The language as a tag value: the first {@value #MAX_LANGUAGES} codes seen, then {@value #OTHER}. */
    String languageTag(String code) {
        if (code == null || !LANGUAGE_CODE.matcher(code).matches()) {
            return OTHER;
        }
        if (languages.contains(code) || (languages.size() < MAX_LANGUAGES && languages.add(code))) {
            return code;
        }
        return OTHER;
    }

    void deadLettered(String stage, Exception cause) {
        Counter.builder("khabar.enrich.dlq.records").description("Records sent to articles.dlq, by stage and cause")
                .tags("stage", stage, "cause", cause.getClass().getSimpleName()).register(registry).increment();
    }
}
