package dev.khabar.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Format;

class JsonArticleMapperTest {

    @Test
    void mapsCommonFieldNamesAndKeepsTheRestUnderExtra() {
        String json = """
                {"headline": "Water prices to rise in April", "author": {"name": "Leila Haddad"},
                 "datePublished": "Tue, 4 Mar 2025 10:00", "link": "https://news.example/water",
                 "source": "Example News", "category": "Economy", "tags": ["water", "prices"],
                 "word_count": 48, "date_extracted": "2025-03-05 01:00:00",
                 "text": "Water bills will rise by four percent from April, the regulator said on Tuesday.\\n\\nThe increase is smaller than last year, when bills rose by seven percent.\\n\\nRead also: Energy bills fall for the first time in three years"}
                """;
        Extraction e = Fixtures.extract(Format.JSON, json);
        assertEquals("Water prices to rise in April", e.title());
        assertEquals("Leila Haddad", e.byline());
        assertEquals("2025-03-04T10:00", e.publishedAt());
        assertEquals("https://news.example/water", e.url());
        assertEquals("Example News", e.site());
        assertEquals("Economy", e.section());
        assertEquals(Map.of("tags", List.of("water", "prices"), "word_count", 48, "date_extracted",
                "2025-03-05 01:00:00"), e.extra());
        assertEquals(2, e.body().split("\n\n").length);
        assertTrue(e.removed().stream().anyMatch(r -> r.kind().equals("related_article")));
    }

    @Test
    void keepsAnUnparseableDateFieldUnderExtra() {
        Extraction e = Fixtures.extract(Format.JSON, """
                {"title": "Town hall meeting tonight", "date": "soon",
                 "body": "The town hall meeting starts at seven and is open to every resident of the district."}
                """);
        assertNull(e.publishedAt());
        assertEquals(Map.of("date", "soon"), e.extra());
    }

    @Test
    void cleansAnHtmlBodyWithTheHtmlRules() {
        Extraction e = Fixtures.extract(Format.JSON, """
                {"title": "Museum opens new wing", "content": "<div class='share'>Share Tweet</div><p>The city museum opened a new wing on Saturday with works from three centuries.</p><p>Entry to the wing is free during the first month, the director said.</p>"}
                """);
        assertEquals("Museum opens new wing", e.title());
        assertEquals(2, e.body().split("\n\n").length);
    }

    @Test
    void rejectsJsonWithoutABodyField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.extract(Format.JSON, "{\"title\": \"Only a title\", \"url\": \"https://x.example\"}"));
        assertTrue(e.getMessage().contains("no non-empty body field"), e.getMessage());
    }

    @Test
    void rejectsTextThatIsNotAJsonObject() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.extract(Format.JSON, "[1, 2, 3]"));
        assertTrue(e.getMessage().startsWith("Not a JSON article object"), e.getMessage());
    }

    @Test
    void rejectsABodyThatIsOnlyChrome() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.extract(Format.JSON, "{\"body\": \"Share | Tweet | Email\\nLeave a comment\"}"));
        assertTrue(e.getMessage().contains("No article body left"), e.getMessage());
    }
}
