package dev.khabar.enrich;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.khabar.enrich.entity.EntityLinker;
import dev.khabar.enrich.entity.EntityRecognizer;
import dev.khabar.enrich.extract.Extraction;
import dev.khabar.enrich.language.LanguageIdentifier;
import dev.khabar.enrich.measure.DateFinder;
import dev.khabar.enrich.measure.QuantityFinder;
import dev.khabar.model.CanonicalEntity;
import dev.khabar.model.DateExpression;
import dev.khabar.model.Dedup;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Entity;
import dev.khabar.model.Language;
import dev.khabar.model.Pipeline;
import dev.khabar.model.Quantity;

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
        // without the article's date, relative dates have no value, but their words are still no names
        boolean anchored = DateFinder.anchored(x.publishedAt());
        List<DateExpression> all = DateFinder.find(x.body(), anchored ? x.publishedAt() : SPAN_ANCHOR);
        List<DateExpression> dates = anchored ? all : all.stream().filter(d -> !d.relative()).toList();
        List<Quantity> quantities = QuantityFinder.find(x.body(), language.code());
        List<Entity> found = outsideDates(notUnits(metrics.timeNer(() -> entities.recognize(x.body(),
                language.code())), quantities), dateSpans(x.body(), all));
        metrics.enriched(language.code(), found.size());
        EntityLinker.Linked linked = linker.link(x.body(), language.code(), found,
                word -> entities.ordinaryWord(word, language.code()));
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article.id(), article.source(), x.title(), x.body(),
                x.byline(), x.publishedAt(), x.url(), x.site(), x.section(), x.extra(), x.removed(), language,
                linked.entities(), new Dedup(Dedup.UNIQUE, article.fingerprint()),
                new Pipeline(PipelineVersion.VERSION, Instant.now(clock), models), linked.canonical(),
                dates, quantities,
                titleEntities(x.title(), x.body(), language.code(), linked.canonical()));
    }

    /**
     * The mentions in the title, offsets into it, each pointing at the body's canonical entity of the same catalogue id
     * (else of the same name) where there is one: a headline names the story's main entities.
     */
    private List<Entity> titleEntities(String title, String body, String language, List<CanonicalEntity> canonical) {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        EntityLinker.Linked linked = linker.link(title, language,
                notUnits(entities.recognize(title, language), QuantityFinder.find(title, language)),
                word -> entities.ordinaryWord(word, language), body);
        List<Entity> out = new ArrayList<>(linked.entities().size());
        for (Entity e : linked.entities()) {
            Integer index = null;
            if (e.canonical() != null) {
                CanonicalEntity own = linked.canonical().get(e.canonical());
                for (int k = 0; k < canonical.size() && index == null; k++) {
                    CanonicalEntity entry = canonical.get(k);
                    boolean same = own.id() != null ? own.id().equals(entry.id())
                            : entry.id() == null && own.name().equals(entry.name());
                    index = same ? k : null;
                }
            }
            out.add(new Entity(e.text(), e.type(), e.start(), e.end(), e.confidence(), e.source(), index));
        }
        return out;
    }

    /**
     * Any date: where an article has none, its dates are found from this one and the relative ones, which then have no
     * value, only mark where date words are; the absolute ones are those found without an anchor
     * ({@code ArticleEnricherTest} checks it on the seeds and fixtures).
     */
    private static final String SPAN_ANCHOR = "2000-01-01";

    /** Code-point spans of the body's date words: its dates and its month names in the pair form. */
    static List<int[]> dateSpans(String body, List<DateExpression> dates) {
        List<int[]> spans = new ArrayList<>(DateFinder.monthPairs(body));
        for (DateExpression d : dates) {
            spans.add(new int[] {d.start(), d.end()});
        }
        return spans;
    }

    /**
     * The name of God as the Arabic recogniser finds it in set phrases ({@code رحمه الله}, {@code إن شاء الله}, {@code
     * ولله الحمد}, of which it keeps {@code له}), which ANERcorp tags MISC: in a record it would outrank every real
     * entity of an obituary or a Friday sermon.
     */
    private static final Set<String> GOD = Set.of("الله", "لله", "له", "Allah");

    /**
     * The mentions worth a record: not the name of God, nor a currency or unit name ({@code دولار} is the unit of an
     * amount, which the quantities carry) where it is MISC (ANERcorp and the models trained on it tag currencies so),
     * a place ({@code مقابل اليورو}, "against the euro"; the eurozone is found by its catalogue name {@code منطقة
     * اليورو}), or inside an amount of any type ({@code ألف ريال}: the riyal, not Real Madrid, which {@code وسعى ريال}
     * is).
     */
    static List<Entity> notUnits(List<Entity> mentions, List<Quantity> quantities) {
        return mentions.stream().filter(e -> !(QuantityFinder.unitName(e.text()) && ("MISC".equals(e.type())
                || "LOCATION".equals(e.type()) || inside(e, quantities))
                || "MISC".equals(e.type()) && GOD.contains(e.text()))).toList();
    }

    private static boolean inside(Entity e, List<Quantity> quantities) {
        return quantities.stream().anyMatch(q -> q.start() <= e.start() && e.end() <= q.end());
    }

    /** The mentions not inside a date's words: in {@code أبريل (نيسان)} the month is not Nissan, the company. */
    static List<Entity> outsideDates(List<Entity> mentions, List<int[]> dates) {
        if (dates.isEmpty()) {
            return mentions;
        }
        List<Entity> kept = new ArrayList<>(mentions.size());
        for (Entity e : mentions) {
            if (dates.stream().noneMatch(d -> d[0] <= e.start() && e.end() <= d[1])) {
                kept.add(e);
            }
        }
        return kept;
    }
}
