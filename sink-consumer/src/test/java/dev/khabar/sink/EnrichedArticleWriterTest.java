package dev.khabar.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.Dedup;
import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Json;
import dev.khabar.model.Language;
import dev.khabar.model.Pipeline;
import dev.khabar.model.SourceInfo;

class EnrichedArticleWriterTest {

    private static EnrichedArticle article(String id, String body) {
        SourceInfo source = new SourceInfo("a.txt", 3, "0".repeat(64), "text/plain", "UTF-8",
                Instant.parse("2026-11-23T10:00:00Z"), null, List.of());
        return new EnrichedArticle(1, id, source, "t", body, null, null, null, null, null, Map.of(), List.of(),
                new Language("ar", 0.99, "Arab", null, null), List.of(), new Dedup("unique", "f"),
                new Pipeline("test", Instant.parse("2026-11-23T10:00:01Z"), Map.of()));
    }

    @Test
    void writesOnePrettyJsonFilePerArticleNamedById(@TempDir Path out) throws Exception {
        EnrichedArticleWriter writer = new EnrichedArticleWriter(out);
        writer.prepare();
        Path file = writer.write(article("0123456789abcdef01234567", "نص"));
        assertEquals(out.resolve("0123456789abcdef01234567.json"), file);
        assertEquals("نص", Json.mapper().readTree(file.toFile()).path("body").asText());
        assertEquals(List.of(file), listAll(out), "no temporary file is left behind");
    }

    @Test
    void rewritingTheSameArticleLeavesOneIdenticalFile(@TempDir Path out) throws Exception {
        EnrichedArticleWriter writer = new EnrichedArticleWriter(out);
        Path first = writer.write(article("aaaaaaaaaaaaaaaaaaaaaaaa", "x"));
        byte[] before = Files.readAllBytes(first);
        writer.write(article("aaaaaaaaaaaaaaaaaaaaaaaa", "x"));
        assertEquals(1, listAll(out).size());
        assertEquals(new String(before), Files.readString(first));
    }

    @Test
    void placesFilesByIngestDateAndLanguageInTheConfiguredOrder(@TempDir Path out) throws Exception {
        EnrichedArticle article = Articles.article("bbbbbbbbbbbbbbbbbbbbbbbb", "x", "en",
                Instant.parse("2026-01-02T23:59:59Z"));
        OutputLayout dateThenLanguage = new OutputLayout(List.of(OutputLayout.Part.DATE, OutputLayout.Part.LANGUAGE));
        assertEquals(out.resolve("2026/01/02/en/bbbbbbbbbbbbbbbbbbbbbbbb.json"),
                new EnrichedArticleWriter(out, dateThenLanguage).write(article, 0));
        OutputLayout languageOnly = new OutputLayout(List.of(OutputLayout.Part.LANGUAGE));
        assertEquals(out.resolve("en/bbbbbbbbbbbbbbbbbbbbbbbb.json"),
                new EnrichedArticleWriter(out, languageOnly).write(article, 0));
    }

    @Test
    void usesUndForALanguageCodeThatIsNotSafeAsAFolderName(@TempDir Path out) throws Exception {
        EnrichedArticle article = Articles.article("cccccccccccccccccccccccc", "x", "../x", Instant.EPOCH);
        OutputLayout languageOnly = new OutputLayout(List.of(OutputLayout.Part.LANGUAGE));
        assertEquals(out.resolve("und/cccccccccccccccccccccccc.json"),
                new EnrichedArticleWriter(out, languageOnly).write(article, 0));
    }

    @Test
    void refusesAnIdThatWouldEscapeTheFolder(@TempDir Path out) {
        EnrichedArticleWriter writer = new EnrichedArticleWriter(out);
        assertThrows(IllegalArgumentException.class, () -> writer.write(article("../etc/passwd", "x")));
    }

    private static List<Path> listAll(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
