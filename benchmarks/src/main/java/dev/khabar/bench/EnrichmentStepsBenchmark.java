package dev.khabar.bench;

import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.enrich.extract.Extraction;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.JsonSerde;
import dev.khabar.model.Language;
import dev.khabar.model.RawArticle;
import dev.khabar.model.Topics;

/**
 * Cost per article of each enrichment step, on real articles (see {@link ArticleSamples}; point it at one language's
 * articles to measure that language), one article per invocation, cycling through the set. Steps are the ones the pipeline ships ({@link EnrichmentSteps#standard()}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Thread)
public class EnrichmentStepsBenchmark {

    private EnrichmentSteps steps;
    private List<RawArticle> raw;
    private List<Extraction> extracted;
    private List<Language> languages;
    private List<byte[]> serialised;
    private JsonSerde<EnrichedArticle> serde;
    private List<EnrichedArticle> enriched;
    private int next;
    private List<List<dev.khabar.model.Entity>> mentions;
    private dev.khabar.enrich.ArticleEnricher enricher;

    @Setup(Level.Trial)
    public void load() {
        steps = EnrichmentSteps.standard();
        raw = ArticleSamples.load();
        extracted = raw.stream().map(steps.extractor()::extract).toList();
        languages = extracted.stream().map(x -> steps.languages().identify(x.title(), x.body())).toList();
        serde = (JsonSerde<EnrichedArticle>) Topics.ENRICHED.valueSerde();
        enriched = new java.util.ArrayList<>();
        enricher = new dev.khabar.enrich.ArticleEnricher(steps, java.time.Clock.systemUTC());
        for (int i = 0; i < raw.size(); i++) {
            enriched.add(enricher.enrich(extractedArticle(i)));
        }
        serialised = enriched.stream().map(a -> serde.serializer().serialize("articles.enriched", a)).toList();
        mentions = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            mentions.add(steps.entities().recognize(extracted.get(i).body(), languages.get(i).code()));
        }
        // the recogniser, the linker and the quantity finder route by this detected code, as ArticleEnricher does
        System.out.println("khabar.bench: " + raw.size() + " articles, detected languages "
                + languages.stream().collect(Collectors.groupingBy(Language::code, TreeMap::new, Collectors.counting())));
    }

    private dev.khabar.enrich.ExtractedArticle extractedArticle(int i) {
        return new dev.khabar.enrich.ExtractedArticle(raw.get(i).id(), raw.get(i).source(), extracted.get(i), "f");
    }

    private int nextIndex() {
        int i = next;
        next = (next + 1) % raw.size();
        return i;
    }

    @Benchmark
    public Extraction extract() {
        return steps.extractor().extract(raw.get(nextIndex()));
    }

    @Benchmark
    public Language identifyLanguage() {
        Extraction x = extracted.get(nextIndex());
        return steps.languages().identify(x.title(), x.body());
    }

    @Benchmark
    public Object recognizeEntities() {
        int i = nextIndex();
        return steps.entities().recognize(extracted.get(i).body(), languages.get(i).code());
    }

    @Benchmark
    public byte[] serialiseEnriched() {
        return serde.serializer().serialize("articles.enriched", enriched.get(nextIndex()));
    }

    @Benchmark
    public EnrichedArticle deserialiseEnriched() {
        return serde.deserializer().deserialize("articles.enriched", serialised.get(nextIndex()));
    }

    @Benchmark
    public Object linkCanonicalEntities() {
        int i = nextIndex();
        String language = languages.get(i).code();
        return dev.khabar.enrich.entity.EntityLinker.standard().link(extracted.get(i).body(), language,
                mentions.get(i), word -> steps.entities().ordinaryWord(word, language));
    }

    /** Every step after extraction, as the topology runs it: language, entities, dates' words, linking, quantities. */
    @Benchmark
    public EnrichedArticle enrichExtracted() {
        return enricher.enrich(extractedArticle(nextIndex()));
    }

    @Benchmark
    public Object findDates() {
        Extraction x = extracted.get(nextIndex());
        return dev.khabar.enrich.measure.DateFinder.find(x.body(), x.publishedAt());
    }

    /** The date words the enricher drops mentions inside, as it finds them for an article without a publication date. */
    @Benchmark
    public Object findDateWords() {
        String body = extracted.get(nextIndex()).body();
        return List.of(dev.khabar.enrich.measure.DateFinder.find(body, "2000-01-01"),
                dev.khabar.enrich.measure.DateFinder.monthPairs(body));
    }

    @Benchmark
    public Object findQuantities() {
        int i = nextIndex();
        return dev.khabar.enrich.measure.QuantityFinder.find(extracted.get(i).body(), languages.get(i).code());
    }
}
