package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.khabar.model.CanonicalEntity;

class PlaceReadingsTest {

    private static final EntityLinker LINKER = EntityLinker.standard();

    /** The catalogue ids linked in {@code text}, most salient first. */
    private static List<String> ids(String text, String language) {
        return LINKER.link(text, language, List.of()).canonical().stream().map(CanonicalEntity::id).toList();
    }

    @Test
    void readsOmanWhereNothingPointsElsewhere() {
        assertEquals(List.of("country:OM"), ids("وصل الوفد إلى عمان أمس في زيارة رسمية.", "ar"));
        assertEquals(List.of("country:OM"), ids("أعلنت سلطنة عمان أن غدا أول أيام العيد.", "ar"));
    }

    @Test
    void readsAmmanFromItsShaddaOrAnAdjectiveBesideIt() {
        assertEquals(List.of("city:JO:amman"), ids("قال في العاصمة الأردنية عمان إن المحادثات مستمرة.", "ar"));
        assertEquals(List.of("city:JO:amman"), ids("وصل الوفد إلى عمَّان أمس.", "ar"));
        assertEquals(List.of("city:JO:amman"), ids("وقف ممارسات أمانة عمان الكبرى تجاه القطاع.", "ar"));
    }

    @Test
    void readsAmmanInAnArticleAboutJordan() {
        String body = "التقى وزير الخارجية الأردني نظيره الفرنسي. وكان الوفد قد وصل إلى عمان أمس. وقالت الحكومة "
                + "الأردنية إن الأردن يرحب بالزيارة.";
        assertEquals("city:JO:amman", ids(body, "ar").stream().filter(id -> !id.equals("country:JO")).findFirst()
                .orElseThrow());
    }

    @Test
    void readsTheCountryInAListOfCountriesEvenBesideJordan() {
        List<String> ids = ids("شاركت السعودية، وقطر، والبحرين، وعمان، والأردن في الاجتماع.", "ar");
        assertEquals(List.of("country:SA", "country:QA", "country:BH", "country:OM", "country:JO"), ids);
    }

    @Test
    void readsTheNearestCueWhenTwoPointApart() {
        // "in the Sultanate of Oman we find the Jordanian Omar Abu Loum"
        List<String> ids = ids("وفي سلطنة عمان نجد الأردني عمر أبو اللوم.", "ar");
        assertEquals(List.of("country:OM"), ids);
    }

    @Test
    void readsLebanonsTripoliBesideSaidaAndLibyasElsewhere() {
        assertEquals(List.of("place:tripoli-lebanon", "city:LB:sidon"),
                ids("ولعل أهل طرابلس وصيدا هم الأشهر في هذا المجال.", "ar"));
        assertEquals(List.of("city:LY:tripoli"), ids("اندلعت اشتباكات في طرابلس مساء أمس.", "ar"));
        assertEquals(List.of("place:tripoli-lebanon", "country:LB"),
                ids("Clashes broke out in Tripoli overnight. Lebanese troops deployed in Tripoli, the army said, "
                        + "as Lebanon braced for more.", "en"));
        assertEquals(List.of("city:LY:tripoli"), ids("Clashes broke out in Tripoli overnight.", "en"));
    }

    @Test
    void aTitleIsReadWithItsBody() {
        String body = "قال وزير الخارجية الأردني إن المحادثات في العاصمة الأردنية ستستمر.";
        List<String> alone = LINKER.link("محادثات في عمان", "ar", List.of()).canonical().stream()
                .map(CanonicalEntity::id).toList();
        List<String> withBody = LINKER.link("محادثات في عمان", "ar", List.of(), word -> false, body).canonical()
                .stream().map(CanonicalEntity::id).toList();
        assertEquals(List.of("country:OM"), alone);
        assertEquals(List.of("city:JO:amman"), withBody);
    }

    @Test
    void refusesAReadingOfAnUnknownEntity() {
        EntityCatalog catalog = EntityCatalog.standard();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PlaceReadings.load(catalog, List.of("عمان\tcity:JO:nowhere\tJO\tالأردنية\t")));
        assertTrue(e.getMessage().contains("city:JO:nowhere"), e.getMessage());
    }

    @Test
    void refusesAFirstReadingThatIsNotTheCataloguesOwn() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlaceReadings.load(
                EntityCatalog.standard(), List.of("عمان\tcity:JO:amman\tJO\tالأردنية\t")));
        assertTrue(e.getMessage().contains("country:OM"), e.getMessage());
    }

    @Test
    void readsThePlaceThatHoldsTheNameRightAfterIt() {
        // "he visited Alexandria in Egypt and Amman in Jordan"
        List<String> ids = ids("زار الإسكندرية في مصر وعمان في الأردن.", "ar");
        assertTrue(ids.contains("city:JO:amman") && !ids.contains("country:OM"), ids::toString);
        assertEquals(List.of("city:LY:tripoli", "country:LY"), ids("À Tripoli, en Libye, le gouvernement a condamné "
                + "l'attaque.", "fr"));
        assertTrue(ids("He flew to Amman, Jordan on Monday.", "en").contains("city:JO:amman"));
        List<String> list = ids("Talks in Oman, Jordan and Egypt.", "en");
        assertTrue(list.contains("country:OM") && !list.contains("city:JO:amman"), list::toString);
    }

    @Test
    void readsGeorgiaAsTheUsStateOnlyWhereTheArticleSaysSo() {
        String text = "Georgia's ruling party won in Tbilisi. Meanwhile, in Atlanta, Georgia, the governor spoke. The "
                + "United States and Washington said nothing.";
        List<CanonicalEntity> found = LINKER.link(text, "en", EntityRecognizer.standard().recognize(text, "en"))
                .canonical();
        List<String> ids = found.stream().map(CanonicalEntity::id).toList();
        assertTrue(ids.contains("country:GE") && ids.contains("subdivision:US-GA"), ids::toString);
        assertEquals(List.of("country:RU", "country:GE"), ids("Russia and Georgia agreed to talk.", "en"));
    }
}
