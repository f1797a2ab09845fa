package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.khabar.model.Entity;

/**
 * Every extraction fixture's gold body (149 real and generated articles in Arabic, English and French) read by the
 * standard recogniser as each of the three languages: no text makes it throw (a throw sends the article to the
 * dead-letter topic), and every mention is the body's text at its code-point offsets.
 */
class FixtureBodiesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "extract");

    @Test
    void everyMentionOfEveryFixtureBodyIsItsTextAtItsOffsets() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> golds;
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            golds = files.filter(p -> p.getFileName().toString().endsWith(".gold.json")).sorted().toList();
        }
        assertTrue(golds.size() >= 100, () -> "fixtures found: " + golds.size());
        int mentions = 0;
        for (Path gold : golds) {
            JsonNode article = json.readTree(gold.toFile());
            String body = article.path("body").asText();
            for (String language : List.of("ar", "en", "fr")) {
                for (Entity e : EntityRecognizer.standard().recognize(body, language)) {
                    assertTrue(e.start() < e.end(), () -> gold + " " + language + ": " + e);
                    int from = body.offsetByCodePoints(0, e.start());
                    String at = body.substring(from, body.offsetByCodePoints(from, e.end() - e.start()));
                    assertEquals(at, e.text(), () -> gold + " " + language + ": " + e);
                    mentions++;
                }
            }
        }
        assertTrue(mentions > 1000, "mentions: " + mentions);
    }
}
