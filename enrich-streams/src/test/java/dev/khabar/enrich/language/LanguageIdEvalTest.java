package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LanguageIdEvalTest {

    @Test
    void printsPerLanguageAccuracyAndOneJsonLineLast(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("en.txt"), List.of(
                "The weather in the north will stay cold for the rest of the week.",
                "Police said the two men were arrested on Tuesday evening.",
                "Schools will reopen next month after the holidays."), StandardCharsets.UTF_8);
        Files.write(dir.resolve("fr.txt"), List.of(
                "Le temps restera froid dans le nord pendant le reste de la semaine.",
                "La police a indiqué que les deux hommes avaient été arrêtés mardi soir.",
                "the quick brown fox jumps over the lazy dog"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.md"), "not a sample file");

        String output = capture(() -> LanguageIdEval.run(new String[] {"--dir", dir.toString()}));
        List<String> lines = output.lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals("langid", json.get("task").asText());
        assertEquals(2, json.get("languages").asInt());
        assertEquals(6, json.get("samples").asInt());
        assertEquals(1.0, json.get("per_language").get("en").asDouble());
        assertEquals(2 / 3.0, json.get("per_language").get("fr").asDouble(), 0.001);
        assertEquals((1.0 + 2 / 3.0) / 2, json.get("accuracy").asDouble(), 0.001);
        assertTrue(json.get("samples_per_second").asDouble() > 0);
        assertTrue(json.get("heap_mb").asInt() > 0);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("fr   0.6667")), output);
    }

    @Test
    void evaluatesOnlyTheRequestedLines(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("en.txt"), List.of("first line of text", "second line of text", "third line of text"),
                StandardCharsets.UTF_8);
        String output = capture(() -> LanguageIdEval.run(new String[] {"--dir", dir.toString(), "--lines", "2:3"}));
        List<String> lines = output.lines().toList();
        assertEquals(2, new ObjectMapper().readTree(lines.get(lines.size() - 1)).get("samples").asInt());
    }

    @Test
    void leavesOutSkippedLanguages(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("en.txt"), List.of("first line of text"), StandardCharsets.UTF_8);
        Files.write(dir.resolve("fr.txt"), List.of("la première ligne du texte"), StandardCharsets.UTF_8);
        String output = capture(() -> LanguageIdEval.run(new String[] {"--dir", dir.toString(), "--skip", "fr"}));
        List<String> lines = output.lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(1, json.get("languages").asInt());
        assertTrue(json.get("per_language").has("en"));
    }

    @Test
    void leavesOutLanguagesWithoutSamplesInTheRequestedLines(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("en.txt"), List.of("first line of text", "second line of text", "third line of text"),
                StandardCharsets.UTF_8);
        Files.write(dir.resolve("ja.txt"), List.of("テキスト"), StandardCharsets.UTF_8);
        String output = capture(() -> LanguageIdEval.run(new String[] {"--dir", dir.toString(), "--lines", "2:3"}));
        List<String> lines = output.lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals(1, json.get("languages").asInt());
        assertEquals(1.0, json.get("accuracy").asDouble());
        assertTrue(output.contains("ja   no samples"), output);
    }

    @Test
    void parsesLineRanges() {
        assertEquals(251, LanguageIdEval.lineRange("251:500")[0]);
        assertEquals(Integer.MAX_VALUE, LanguageIdEval.lineRange("1:")[1]);
    }

    private interface Command {
        int run() throws Exception;
    }

    private static String capture(Command command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, command.run());
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
