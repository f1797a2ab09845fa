import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.enrich.ArticleEnricher;
import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.enrich.ExtractedArticle;
import dev.khabar.model.Format;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceInfo;

/**
 * Runs extraction and enrichment, without Kafka, over the first N entries of a gzipped JSON Lines file (its
 * {@code content} field, as a text article) and prints those the pipeline would send to the dead-letter topic, with
 * their causes: {@code java -cp enrich-streams/target/enrich-streams.jar ExtractionRefusals.java FILE N}.
 */
public class ExtractionRefusals {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        EnrichmentSteps steps = EnrichmentSteps.standard();
        ArticleEnricher enricher = new ArticleEnricher(steps, Clock.systemUTC());
        int limit = Integer.parseInt(args[1]);
        int seen = 0;
        Map<String, Integer> causes = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new FileInputStream(args[0])), StandardCharsets.UTF_8))) {
            for (String line; seen < limit && (line = in.readLine()) != null; seen++) {
                String text = json.readTree(line).path("content").asText("");
                SourceInfo source = new SourceInfo("entry-" + seen + ".txt", text.length(), "0".repeat(64), "text/plain",
                        "UTF-8", Instant.EPOCH, null, List.of());
                RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "entry-" + seen, source, Format.TEXT, text);
                try {
                    enricher.enrich(new ExtractedArticle(raw.id(), source, steps.extractor().extract(raw), "-"));
                } catch (RuntimeException e) {
                    String shown = text.strip();
                    System.out.printf("entry %d (%d chars: %s): %s%n", seen, text.length(),
                            shown.substring(0, Math.min(80, shown.length())), e.getMessage());
                    causes.merge(e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll("entry-\\d+ ", "")
                            .replaceAll("\\(\\d+ segments", "(N segments"), 1, Integer::sum);
                }
            }
        }
        int refused = causes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%d entries, %d refused%n", seen, refused);
        causes.forEach((cause, n) -> System.out.println(n + "  " + cause));
    }
}
