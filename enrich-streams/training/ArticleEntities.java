import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.enrich.ArticleEnricher;
import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.enrich.ExtractedArticle;
import dev.khabar.enrich.extract.Extraction;
import dev.khabar.model.CanonicalEntity;
import dev.khabar.model.DateExpression;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Entity;
import dev.khabar.model.Format;
import dev.khabar.model.Quantity;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceInfo;

/**
 * Enriches, without Kafka, the first N entries of a gzipped JSON Lines file (its {@code content} field, as a text
 * article) and prints one line per mention ({@code entry<TAB>mention<TAB>text<TAB>type<TAB>source}), per linked
 * canonical entity ({@code entry<TAB>canonical<TAB>id<TAB>name}), per canonical entity linked or not with its count
 * ({@code entry<TAB>entity<TAB>type<TAB>name<TAB>mentions<TAB>aliases}), date
 * ({@code entry<TAB>date<TAB>text<TAB>value}) and quantity ({@code entry<TAB>quantity<TAB>text<TAB>value<TAB>unit}); an
 * entry the extractor refuses is skipped, and any other failure printed ({@code entry<TAB>error<TAB>exception}).
 * With a third argument {@code dated}, an entry whose text gives no date is dated by its {@code date_extracted} field,
 * which anchors relative dates. Run it with the jars of two commits and diff the outputs (or the lines of one kind) to
 * count what a change did:
 * {@code java -cp enrich-streams/target/enrich-streams.jar enrich-streams/training/ArticleEntities.java FILE N [dated]
 * > out.tsv}.
 */
public class ArticleEntities {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        EnrichmentSteps steps = EnrichmentSteps.standard();
        ArticleEnricher enricher = new ArticleEnricher(steps, Clock.systemUTC());
        int limit = Integer.parseInt(args[1]);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new FileInputStream(args[0])), StandardCharsets.UTF_8))) {
            int seen = 0;
            for (String line; seen < limit && (line = in.readLine()) != null; seen++) {
                String text = json.readTree(line).path("content").asText("");
                SourceInfo source = new SourceInfo("entry-" + seen + ".txt", text.length(), "0".repeat(64), "text/plain",
                        "UTF-8", Instant.EPOCH, null, List.of());
                RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "entry-" + seen, source, Format.TEXT, text);
                EnrichedArticle article;
                try {
                    Extraction x = steps.extractor().extract(raw);
                    String dated = json.readTree(line).path("date_extracted").asText("");
                    if (dated(args) && x.publishedAt() == null && dated.length() >= 10) {
                        x = new Extraction(x.title(), x.body(), x.byline(), dated.substring(0, 10), x.url(), x.site(),
                                x.section(), x.extra(), x.removed());
                    }
                    article = enricher.enrich(new ExtractedArticle(raw.id(), source, x, "-"));
                } catch (IllegalArgumentException e) {
                    continue;  // refused entries: see ExtractionRefusals.java
                } catch (RuntimeException e) {
                    System.out.printf("%d\terror\t%s%n", seen, e);  // a bug: shown, so that a diff counts it
                    continue;
                }
                for (Entity e : article.entities()) {
                    System.out.printf("%d\tmention\t%s\t%s\t%s%n", seen, e.text(), e.type(), e.source());
                }
                for (CanonicalEntity c : article.canonicalEntities()) {
                    if (c.id() != null) {
                        System.out.printf("%d\tcanonical\t%s\t%s%n", seen, c.id(), c.name());
                    }
                }
                for (CanonicalEntity c : article.canonicalEntities()) {
                    System.out.printf("%d\tentity\t%s\t%s\t%d\t%s%n", seen, c.type(), c.name(), c.mentions(),
                            String.join("|", c.aliases()));
                }
                for (DateExpression d : article.dates()) {
                    System.out.printf("%d\tdate\t%s\t%s%n", seen, d.text(), d.value());
                }
                for (Quantity q : article.quantities()) {
                    System.out.printf("%d\tquantity\t%s\t%s\t%s%n", seen, q.text(), q.value(), q.unit());
                }
            }
        }
    }

    private static boolean dated(String[] args) {
        return args.length > 2 && args[2].equals("dated");
    }
}
