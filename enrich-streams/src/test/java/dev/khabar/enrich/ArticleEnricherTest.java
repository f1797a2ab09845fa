package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.khabar.enrich.measure.DateFinder;
import dev.khabar.enrich.measure.QuantityFinder;
import dev.khabar.model.DateExpression;
import dev.khabar.model.Entity;

/**
 * Mentions inside the words of a date are dropped before linking (the month نيسان is not Nissan), and so are currency
 * and unit names tagged MISC.
 */
class ArticleEnricherTest {

    private static Entity mention(String body, String text, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = body.indexOf(text, at + 1);
        }
        int start = body.codePointCount(0, at);
        return new Entity(text, "ORGANIZATION", start, start + text.codePointCount(0, text.length()), 0.9, "model");
    }

    private static List<Integer> kept(String body, String publishedAt, List<Entity> mentions) {
        List<int[]> spans = ArticleEnricher.dateSpans(body, DateFinder.find(body, publishedAt == null ? "2000-01-01"
                : publishedAt));
        return ArticleEnricher.outsideDates(mentions, spans).stream().map(Entity::start).toList();
    }

    @Test
    void aMonthInThePairFormIsNoName() {
        String body = "وبدأ الموسم في أبريل (نيسان) ثم أعلنت شركة نيسان أرباحها.";
        List<Entity> mentions = List.of(mention(body, "نيسان", 0), mention(body, "نيسان", 1));
        assertEquals(List.of(mentions.get(1).start()), kept(body, null, mentions));
    }

    @Test
    void withoutAPublicationDateTheAbsoluteDatesAreThoseFoundWithoutAnAnchor() throws IOException {
        List<Path> files = new ArrayList<>(Seeds.files());
        files.add(Path.of("src", "test", "resources", "canonical", "en-ain-al-asad.txt"));
        files.add(Path.of("src", "test", "resources", "canonical", "fr-ain-al-asad.txt"));
        int dates = 0;
        for (Path file : files) {
            String body = Files.readString(file);
            List<DateExpression> plain = DateFinder.find(body, null);
            assertEquals(plain, DateFinder.find(body, "2000-01-01").stream().filter(d -> !d.relative()).toList(),
                    file.toString());
            dates += plain.size();
        }
        assertTrue(dates >= 5, "dates in the seeds and fixtures: " + dates);
    }

    @Test
    void aRelativeDateIsNoNameWithOrWithoutThePublicationDate() {
        String body = "وقتل في 22 نيسان الماضي قرب الحدود، وقالت نيسان إن مصنعها لم يتضرر.";
        List<Entity> mentions = List.of(mention(body, "نيسان", 0), mention(body, "نيسان", 1));
        assertEquals(List.of(mentions.get(1).start()), kept(body, null, mentions));
        assertEquals(List.of(mentions.get(1).start()), kept(body, "2015-07-20", mentions));
    }

    @Test
    void aCurrencyOrUnitNameIsNoEntity() {
        List<Entity> mentions = List.of(
                new Entity("دولار", "MISC", 10, 15, 0.9, "model"),
                new Entity("بالدولار", "MISC", 20, 28, 0.9, "model"),
                new Entity("للدولار", "MISC", 30, 37, 0.9, "model"),
                new Entity("euros", "MISC", 40, 45, 0.9, "model"),
                new Entity("ميغاواط", "MISC", 50, 57, 0.9, "model"),
                new Entity("ريال", "ORGANIZATION", 60, 64, 0.9, "model"),
                new Entity("فريال", "MISC", 65, 70, 0.9, "model"),
                new Entity("الدولار الأمريكي", "MISC", 70, 86, 0.9, "model"),
                new Entity("الحرب العالمية الثانية", "MISC", 90, 112, 0.9, "model"));
        assertEquals(List.of(60, 65, 90),
                ArticleEnricher.notUnits(mentions, List.of()).stream().map(Entity::start).toList(),
                "Real (Madrid) is no currency, Feryal no riyal with a clitic, and a MISC that is no unit stays");
    }

    @Test
    void aCurrencyReadAsAPlaceOrInsideAnAmountIsNoEntity() {
        String body = "أنفقوا 72 مليون ريال على الأغنام، وسعى ريال جاهدا إلى الفوز، وتراجع الين مقابل اليورو.";
        List<Entity> mentions = List.of(mention(body, "ريال", 0), mention(body, "ريال", 1),
                typed(mention(body, "الين", 0), "PERSON"), typed(mention(body, "اليورو", 0), "LOCATION"));
        assertEquals(List.of(mentions.get(1).start(), mentions.get(2).start()),
                ArticleEnricher.notUnits(mentions, QuantityFinder.find(body, "ar")).stream().map(Entity::start)
                        .toList(), "the riyal of an amount and the euro read as a place go; Real and a person stay");
    }

    private static Entity typed(Entity e, String type) {
        return new Entity(e.text(), type, e.start(), e.end(), e.confidence(), e.source());
    }

    @Test
    void theNameOfGodInSetPhrasesIsNoEntityOfTheRecord() {
        List<Entity> mentions = List.of(
                new Entity("الله", "MISC", 10, 14, 0.9, "model"),
                new Entity("له", "MISC", 20, 22, 0.9, "model"),
                new Entity("عبد الله", "PERSON", 30, 38, 0.9, "model"),
                new Entity("حزب الله", "ORGANIZATION", 40, 48, 0.9, "model"));
        assertEquals(List.of(30, 40),
                ArticleEnricher.notUnits(mentions, List.of()).stream().map(Entity::start).toList());
    }
}
