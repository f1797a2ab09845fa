package dev.khabar.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.Json;

class ExtractEvalTest {

    @Test
    void scoresBodyLinesAndFieldsAgainstGold(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), """
                Budget talks resume in the capital
                Negotiators returned to the table on Monday after a week-long pause in the budget talks.
                Both sides said a deal was possible before the end of the month.
                Leave a comment
                """);
        Files.writeString(dir.resolve("a.gold.json"), """
                {"title": "Budget talks resume in the capital", "byline": "Someone Else",
                 "body": "Negotiators returned to the table on Monday after a week-long pause in the budget talks.\\n\\nA line the extractor cannot find."}
                """);
        Files.writeString(dir.resolve("notes.md.orig"), "ignored: no gold beside it");
        ExtractEval.Report report = ExtractEval.evaluate(dir, ArticleExtractor.standard(), false);
        assertEquals(1, report.articles);
        assertEquals(2, report.extractedLines);
        assertEquals(2, report.goldLines);
        assertEquals(1, report.matchedLines);
        assertEquals(0.5, report.f1(), 1e-9);
        assertEquals(1.0, report.accuracy("title"));
        assertEquals(0.0, report.accuracy("byline"));
        assertEquals(0, report.counted.getOrDefault("site", 0), "fields missing from gold are not scored");
    }

    @Test
    void printsOneJsonLineLast(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.txt"), "Storm closes mountain roads\nSnow closed three mountain roads on "
                + "Sunday and the police asked drivers to stay at home until the ploughs had passed.\n");
        Files.writeString(dir.resolve("b.gold.json"), "{\"title\": \"Storm closes mountain roads\", \"body\": "
                + "\"Snow closed three mountain roads on Sunday and the police asked drivers to stay at home until the "
                + "ploughs had passed.\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = ExtractEval.run(new String[] {"--dir", dir.toString()});
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code);
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode last = Json.mapper().readTree(lines[lines.length - 1]);
        assertEquals("extract", last.get("task").asText());
        assertEquals(1, last.get("articles").asInt());
        assertEquals(1.0, last.get("body_line_f1").asDouble());
        assertEquals(1.0, last.get("title_accuracy").asDouble());
    }

    @Test
    void meetsTheTargetsOnTheBundledEvalSet() throws IOException, URISyntaxException {
        Path root = Path.of(ExtractEvalTest.class.getResource("/extract/seeds").toURI()).getParent();
        ExtractEval.Report report = ExtractEval.evaluate(root, ArticleExtractor.standard(), false);
        assertTrue(report.articles >= 100, "eval set size " + report.articles);
        assertEquals(0, report.errors);
        assertTrue(report.f1() >= 0.95, "body line F1 " + report.f1());
        assertTrue(report.accuracy("title") >= 0.95, "title accuracy " + report.accuracy("title"));
    }

    @Test
    void rejectsAMissingFolder() {
        assertEquals(2, ExtractEval.run(new String[] {"--dir", "/nonexistent/folder"}));
        assertEquals(2, ExtractEval.run(new String[] {"--bogus"}));
    }
}
