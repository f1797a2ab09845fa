package dev.khabar.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Format;

class HtmlExtractionTest {

    @Test
    void takesFieldsFromJsonLdNewsArticleFirst() {
        Extraction e = Fixtures.extract(Format.HTML, Fixtures.text("/fixtures/jsonld-article.html"));
        assertEquals("Harbour bridge reopens after repairs", e.title());
        assertEquals("2025-03-14T08:30:00+01:00", e.publishedAt());
        assertEquals("Mara Lindqvist, Ode Bakare", e.byline());
        assertEquals("The Coastal Courier", e.site());
        assertEquals("Local", e.section());
        assertEquals("https://courier.example/news/harbour-bridge-reopens", e.url());
    }

    @Test
    void keepsOnlyTheMainContentBlocks() {
        Extraction e = Fixtures.extract(Format.HTML, Fixtures.text("/fixtures/jsonld-article.html"));
        assertEquals(List.of(
                "The harbour bridge reopened to traffic on Friday morning after eleven weeks of repairs to its main "
                        + "deck, the city council said.",
                "Cars crossing the bridge at dawn on Friday.",
                "Engineers replaced forty steel plates and resurfaced both lanes. The work cost less than the council "
                        + "had budgeted, a spokesperson added.",
                "Cyclists welcome new lane",
                "A separate cycle lane, painted green, now runs along the eastern side of the bridge, and local "
                        + "cycling groups welcomed the change.",
                "Residents had complained about long detours while the bridge was closed, with some journeys taking "
                        + "an extra forty minutes."), List.of(e.body().split("\n\n")));
        assertTrue(e.removed().stream().anyMatch(r -> r.kind().equals("related_article")
                && r.text().contains("Ferry timetable")));
    }

    @Test
    void fallsBackToOpenGraphMetaAndTheDensestTextBlock() {
        Extraction e = Fixtures.extract(Format.HTML, Fixtures.text("/fixtures/og-article-ar.html"));
        assertEquals("افتتاح مكتبة عامة جديدة في وسط المدينة", e.title());
        assertEquals("صحيفة المثال", e.site());
        assertEquals("https://mithal.example/news/42", e.url());
        assertEquals("2024-10-21T09:15:00+03:00", e.publishedAt());
        assertEquals("سلمى الراشد", e.byline());
        assertEquals(3, e.body().split("\n\n").length);
        assertTrue(e.body().startsWith("افتتحت البلدية صباح اليوم"));
        assertFalse(e.body().contains("مهرجان الكتاب"));
        assertFalse(e.body().contains("فيسبوك"));
    }

    @Test
    void readsTheSiteFromTheTitleTagAndTheDateFromVisibleText() {
        String html = "<html><head><title>Rail strike called off at last minute | Valley Times</title></head><body>"
                + "<h1>Rail strike called off at last minute</h1><p>Published: 2 May 2023</p>"
                + "<p>Union leaders called off Monday's rail strike late on Sunday night after talks with the operator "
                + "ended in a new pay offer.</p><p>Services will run to the normal timetable, the operator said in a "
                + "short statement on its website.</p></body></html>";
        Extraction e = Fixtures.extract(Format.HTML, html);
        assertEquals("Rail strike called off at last minute", e.title());
        assertEquals("Valley Times", e.site());
        assertEquals("2023-05-02", e.publishedAt());
        assertEquals(2, e.body().split("\n\n").length);
    }

    @Test
    void rejectsAPageWithNoArticleText() {
        String html = "<html><body><nav><a href='/'>Home</a></nav><footer>© 2024 Example</footer></body></html>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.extract(Format.HTML, html));
        assertTrue(e.getMessage().contains("No article body"), e.getMessage());
    }
}
