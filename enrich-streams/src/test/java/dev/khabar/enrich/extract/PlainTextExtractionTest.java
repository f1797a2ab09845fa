package dev.khabar.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.khabar.model.Format;

class PlainTextExtractionTest {

    private static final String ENGLISH = """
            Home | World | Business | Sport | Culture
            Skip to content
            World
            Flood defences hold as river peaks - Daily Ledger
            Share | Tweet | Email
            Monday, 3 February 2025 09:40 GMT
            By Anna Kowalski

            Flood defences along the river held overnight as water levels peaked just below the record set in 2007, officials said.

            Around two hundred homes were evacuated as a precaution, and most residents are expected to return by Wednesday.

            The environment agency said the new barriers, finished last autumn, had prevented flooding in the town centre.

            Sign up for our morning newsletter
            The views expressed in comments do not necessarily reflect those of the Daily Ledger.
            Read also
            Storm season to last longer, forecasters warn
            Insurers raise premiums in flood-prone areas
            """;

    private static final String FRENCH = """
            Publié le 12 mars 2024 à 18h05
            Par Claire Dubois
            Le conseil municipal vote un nouveau budget pour les écoles
            Le conseil municipal a adopté mardi soir un budget de deux millions d'euros pour rénover les écoles primaires.
            Les travaux commenceront pendant les vacances d'été et dureront environ trois ans, selon la mairie.
            Partager : Facebook Twitter E-mail
            Lire aussi :
            Les cantines passent au bio
            Tous droits réservés
            """;

    @Test
    void separatesChromeFromTheArticleInEnglish() {
        Extraction e = Fixtures.extract(Format.TEXT, ENGLISH);
        assertEquals("Flood defences hold as river peaks", e.title());
        assertEquals("Daily Ledger", e.site());
        assertEquals("World", e.section());
        assertEquals("Anna Kowalski", e.byline());
        assertEquals("2025-02-03T09:40", e.publishedAt());
        List<String> body = List.of(e.body().split("\n\n"));
        assertEquals(3, body.size());
        assertTrue(body.get(0).startsWith("Flood defences along the river"));
        assertFalse(e.body().contains("Storm season"));
        assertTrue(e.removed().stream().anyMatch(r -> r.kind().equals("disclaimer")));
        assertTrue(e.removed().stream().anyMatch(r -> r.kind().equals("share_bar")));
        assertTrue(e.removed().stream().anyMatch(r -> r.kind().equals("related_article")
                && r.text().equals("Insurers raise premiums in flood-prone areas")));
    }

    @Test
    void dropsAColumnistsContactFooterWithTheAddressBeforeIt() {
        // an Okaz column's last lines, as SaudiNewsNet scraped them: the writer's address runs into the footer
        String column = "ولو أن كل واحد منا غير نفسه لتغير العالم تلقائيا، وهذا ما يجب أن نبدأ به اليوم قبل الغد في"
                + " بيوتنا ومدارسنا وأعمالنا.\n\nArfaj555@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (20) ثم"
                + " مسافة ثم نص الرسالة إلى 88591 - Stc 635031 - Mobily 737221 - Zain 738303";
        Extraction e = Fixtures.extract(Format.TEXT, column);
        assertFalse(e.body().contains("SMS"), e.body());
        assertTrue(e.body().startsWith("ولو أن كل واحد منا"), e.body());
        assertTrue(e.removed().stream().anyMatch(r -> r.kind().equals("boilerplate") && r.text().contains("88591")));
    }

    @Test
    void separatesChromeFromTheArticleInFrench() {
        Extraction e = Fixtures.extract(Format.TEXT, FRENCH);
        assertEquals("Le conseil municipal vote un nouveau budget pour les écoles", e.title());
        assertEquals("Claire Dubois", e.byline());
        assertEquals("2024-03-12T18:05", e.publishedAt());
        assertEquals(2, e.body().split("\n\n").length);
        assertFalse(e.body().contains("cantines"));
        assertFalse(e.body().contains("droits"));
    }

    @Test
    void dropsTheLabelOfALabelledTitleLine() {
        String text = """
                العنوان: الملك عبدالله الثاني يستقبل وزير الخارجية المصري في عمان
                التاريخ: 12 آذار 2024
                استقبل الملك عبدالله الثاني في قصر الحسينية اليوم وزير الخارجية المصري، وبحث معه العلاقات الثنائية.
                """;
        Extraction e = Fixtures.extract(Format.TEXT, text);
        assertEquals("الملك عبدالله الثاني يستقبل وزير الخارجية المصري في عمان", e.title());
        assertEquals("2024-03-12", e.publishedAt());
        assertTrue(e.body().startsWith("استقبل الملك"));
        assertTrue(e.removed().stream().anyMatch(r -> r.rule().equals("title-line")
                && r.text().equals("العنوان: الملك عبدالله الثاني يستقبل وزير الخارجية المصري في عمان")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Title: ", "HEADLINE:", "Titre : ", "titre :"})
    void dropsEnglishAndFrenchTitleLabels(String label) {
        Extraction e = Fixtures.extract(Format.TEXT, label + "Port workers agree new contract\n"
                + "Dock workers voted to accept a three-year contract on Friday, ending a long dispute.");
        assertEquals("Port workers agree new contract", e.title());
        assertEquals("Dock workers voted to accept a three-year contract on Friday, ending a long dispute.", e.body());
    }

    @Test
    void keepsATitleWhoseFirstWordIsNotALabel() {
        Extraction e = Fixtures.extract(Format.TEXT, "Budget: what the new rules mean for renters\n"
                + "Renters will pay less for water from April under rules the regulator published on Tuesday.");
        assertEquals("Budget: what the new rules mean for renters", e.title());
        Extraction json = Fixtures.extract(Format.JSON, """
                {"title": "Headline inflation: prices rise again", "body": "Prices rose by three percent in the year \
                to March, the statistics office said on Wednesday."}
                """);
        assertEquals("Headline inflation: prices rise again", json.title());
    }

    @Test
    void keepsSubheadingsInsideTheBody() {
        String text = """
                New hospital wing opens in the north of the city
                The new wing adds one hundred and twenty beds and a children's emergency unit, the health ministry said.
                Staff shortages
                Unions warned that the wing would need at least three hundred more nurses to run at full capacity.
                """;
        List<String> body = List.of(Fixtures.extract(Format.TEXT, text).body().split("\n\n"));
        assertEquals(List.of(
                "The new wing adds one hundred and twenty beds and a children's emergency unit, the health ministry said.",
                "Staff shortages",
                "Unions warned that the wing would need at least three hundred more nurses to run at full capacity."),
                body);
    }

    @Test
    void leavesTheTitleEmptyWhenTheTextStartsWithAParagraph() {
        Extraction e = Fixtures.extract(Format.TEXT, "The committee met on Thursday and agreed to publish its report "
                + "before the summer recess, its chair said after the meeting.\nA vote on the findings is planned.");
        assertNull(e.title());
        assertEquals(2, e.body().split("\n\n").length);
    }

    @Test
    void readsMarkdownAsText() {
        String md = """
                # Library extends opening hours
                
                *By* **Sam Ortiz**
                
                The central library will stay open until nine in the evening from next month, the [council](https://council.example) said.
                
                ![reading room](/img/room.jpg)
                
                The change follows a survey in which most users asked for later opening on weekdays.
                """;
        Extraction e = ArticleExtractor.standard().extract(Fixtures.raw(Format.MARKDOWN, md));
        assertEquals("Library extends opening hours", e.title());
        assertEquals("Sam Ortiz", e.byline());
        assertTrue(e.body().contains("the council said."));
        assertEquals(2, e.body().split("\n\n").length);
    }

    @Test
    void readsMarkdownFrontMatter() {
        String md = """
                ---
                title: "Ferry service resumes after storm"
                date: 2024-11-02
                author: Priya Nair
                tags: [ferries, weather]
                ---
                
                # Ferry service resumes after storm
                
                Ferries between the island and the mainland resumed on Saturday after two days of cancellations.
                """;
        Extraction e = ArticleExtractor.standard().extract(Fixtures.raw(Format.MARKDOWN, md));
        assertEquals("Ferry service resumes after storm", e.title());
        assertEquals("Priya Nair", e.byline());
        assertEquals("2024-11-02", e.publishedAt());
        assertEquals(java.util.Map.of("tags", "[ferries, weather]"), e.extra());
        assertEquals(1, e.body().split("\n\n").length);
    }

    @Test
    void cutsALatestHeadlinesBlockAfterTheArticle() {
        String text = """
                Port workers agree new contract
                Dock workers voted to accept a three-year contract on Friday, ending a dispute that had lasted since March.
                The deal includes a pay rise of four percent a year and new limits on night shifts.
                Most read
                City council approves the new cycle lane plan for the old town
                Heatwave expected to last until the end of next week forecasters say
                """;
        Extraction e = Fixtures.extract(Format.TEXT, text);
        assertEquals(2, e.body().split("\n\n").length);
        assertTrue(e.removed().stream().anyMatch(r -> r.kind().equals("related_article")
                && r.text().startsWith("Heatwave")));
    }

    @Test
    void keepsListItemsAtTheEdgesOfTheBody() {
        String text = """
                Three books to read this summer
                Our critics picked three new novels for the long evenings, each under three hundred pages.
                1. The Salt Road
                2. A House by the Lake
                3. Winter Orchard
                """;
        List<String> body = List.of(Fixtures.extract(Format.TEXT, text).body().split("\n\n"));
        assertEquals(4, body.size());
        assertEquals("3. Winter Orchard", body.get(3));
    }

    @Test
    void keepsAParagraphThatMentionsResponsibility() {
        String text = "Officials said the contractor was not responsible for the content of the report, which was "
                + "written by an independent panel of engineers and published on Tuesday after months of delay.";
        assertEquals(text, Fixtures.extract(Format.TEXT, text).body());
    }

    @Test
    void rejectsTextWithNothingButChrome() {
        assertThrows(IllegalArgumentException.class, () -> Fixtures.extract(Format.TEXT,
                "Home | News | Sport\nShare | Tweet | Email\nLeave a comment\n"));
    }
}
