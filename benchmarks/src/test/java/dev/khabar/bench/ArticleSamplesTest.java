package dev.khabar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.Format;
import dev.khabar.model.RawArticle;

class ArticleSamplesTest {

    private static Path fixture() throws URISyntaxException {
        return Path.of(ArticleSamplesTest.class.getResource("/samples/articles.csv").toURI());
    }

    @Test
    void readsCsvRowsWithQuotedCommasQuotesAndLineBreaksAndSkipsEmptyBodies() throws URISyntaxException {
        List<RawArticle> articles = ArticleSamples.read(fixture().toString(), 10);

        assertEquals(List.of(
                "Bridge reopens\n\nThe bridge reopened on Monday, two weeks early.",
                "Storm, then sun\n\nFirst paragraph of a \"quoted\" report.\n\nSecond paragraph, after a blank line.",
                "Plain unquoted body"), articles.stream().map(RawArticle::content).toList());
        assertTrue(articles.stream().allMatch(a -> a.format() == Format.TEXT));
    }

    @Test
    void stopsAtTheLimit() throws URISyntaxException {
        assertEquals(1, ArticleSamples.read(fixture().toString(), 1).size());
    }

    @Test
    void rejectsCsvWithoutTextColumn(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("other.csv"), "category,body\nlocal,some words\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArticleSamples.read(csv.toString(), 10));
        assertTrue(e.getMessage().contains("'text'"), e.getMessage());
    }

    @Test
    void readsFoldersAndSingleFilesByExtensionWithTheirFormat(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("mixed"));
        Files.writeString(folder.resolve("a.txt"), "plain");
        Files.writeString(folder.resolve("b.md"), "# markdown");
        Files.writeString(folder.resolve("c.html"), "<p>html</p>");
        Files.writeString(folder.resolve("d.gold.json"), "{}");
        Path single = Files.writeString(dir.resolve("e.txt"), "single");

        List<RawArticle> articles = ArticleSamples.read(folder + "," + single, 10);

        assertEquals(List.of(Format.TEXT, Format.MARKDOWN, Format.HTML, Format.TEXT),
                articles.stream().map(RawArticle::format).toList());
        assertEquals("single", articles.get(3).content());
    }
}
