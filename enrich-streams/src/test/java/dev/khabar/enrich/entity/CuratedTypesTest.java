package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class CuratedTypesTest {

    private static List<String> types(List<Entity> mentions) {
        return CuratedTypes.apply(EntityCatalog.standard(), mentions).stream().map(Entity::type).toList();
    }

    @Test
    void givesACuratedOrganisationOrPersonItsCatalogueType() {
        assertEquals(List.of("ORGANIZATION", "PERSON", "ORGANIZATION", "ORGANIZATION"), types(List.of(
                new Entity("État islamique", "LOCATION", 0, 14, 1.0, "model"),
                new Entity("لويد أوستن", "LOCATION", 20, 30, 0.6, "model"),
                new Entity("بداعش", "PERSON", 40, 45, 0.7, "model"),
                new Entity("القاعدة", "PERSON", 50, 57, 0.7, "model"))));
    }

    @Test
    void aPersonInsideAPlacesNameOfSeveralWordsBecomesThePlace() {
        String text = "هجوم في الشيخ زويد قرب العريش، قال محمد علي";
        Entity person = new Entity("زويد", "PERSON", 14, 18, 0.6, "model");
        Entity city = new Entity("العريش", "LOCATION", 23, 29, 0.9, "model");
        Entity speaker = new Entity("محمد علي", "PERSON", 35, 43, 0.9, "model");
        List<Entity> widened = CuratedTypes.widened(EntityCatalog.standard(), text, List.of(person, city, speaker));
        assertEquals(List.of(new Entity("الشيخ زويد", "LOCATION", 8, 18, 0.6, "gazetteer"), city, speaker), widened);
        List<Entity> crossed = List.of(new Entity("زويد قرب", "PERSON", 14, 22, 0.6, "model"));
        assertSame(crossed, CuratedTypes.widened(EntityCatalog.standard(), text, crossed), "a crossing mention stays");
    }

    @Test
    void aPersonInsideAnEventsNameBecomesTheEvent() {
        assertWidened("توج بطلا لدوري عبداللطيف جميل", new Entity("عبداللطيف جميل", "PERSON", 15, 29, 0.9, "model"),
                new Entity("دوري عبداللطيف جميل", "MISC", 10, 29, 0.9, "gazetteer"));
    }

    @Test
    void aMentionStartingInsideACatalogueNamesFirstWordBecomesTheName() {
        // Pyongyang, read as يونغ يانغ once its first letter was taken for the clitic ب
        assertWidened("وصلت الطائرة إلى بيونغ يانغ أمس", new Entity("يونغ يانغ", "LOCATION", 18, 27, 0.7, "model"),
                new Entity("بيونغ يانغ", "LOCATION", 17, 27, 0.7, "gazetteer"));
    }

    private static void assertWidened(String text, Entity read, Entity whole) {
        assertEquals(List.of(whole), CuratedTypes.widened(EntityCatalog.standard(), text, List.of(read)));
    }

    @Test
    void anOrganisationInsideAPlacesNameBecomesThePlaceButAPlaceInsideOneStays() {
        String text = "صلى في المسجد الحرام ثم زار قطاع غزة";
        Entity haram = new Entity("الحرام", "ORGANIZATION", 14, 20, 0.7, "model");
        Entity gaza = new Entity("غزة", "LOCATION", 33, 36, 0.9, "model");
        assertEquals(List.of(new Entity("المسجد الحرام", "LOCATION", 7, 20, 0.7, "gazetteer"), gaza),
                CuratedTypes.widened(EntityCatalog.standard(), text, List.of(haram, gaza)));
    }

    @Test
    void givesACuratedEventOrProductTheTypeMisc() {
        assertEquals(List.of("MISC", "MISC", "MISC", "MISC"), types(List.of(
                new Entity("F-35", "ORGANIZATION", 60, 64, 0.6, "model"),
                new Entity("Brexit", "PERSON", 0, 6, 0.9, "model"),
                new Entity("Seconde Guerre mondiale", "ORGANIZATION", 10, 33, 0.8, "model"),
                new Entity("الربيع العربي", "LOCATION", 40, 53, 0.7, "model"))));
    }

    @Test
    void anArabicEventTheTaggerLeavesIsFoundByItsCatalogueName() {
        String text = "قتل الملايين خلال الحرب العالمية الثانية في أوروبا، وبعد الربيع العربي تغيرت المنطقة.";
        List<String> found = EntityRecognizer.standard().recognize(text, "ar").stream()
                .map(e -> e.text() + "/" + e.type()).toList();
        assertEquals(List.of("الحرب العالمية الثانية/MISC", "أوروبا/LOCATION", "الربيع العربي/MISC"), found);
    }

    @Test
    void anArabicProductTheTaggerLeavesIsFoundByItsCatalogueName() {
        // "Brent crude fell 35 cents, and the company ordered ten Boeing 787s"
        String text = "وتراجع خام برنت 35 سنتا، وطلبت الشركة عشر طائرات بوينغ 787.";
        List<String> found = EntityRecognizer.standard().recognize(text, "ar").stream()
                .map(e -> e.text() + "/" + e.type()).toList();
        assertTrue(found.containsAll(List.of("خام برنت/MISC", "بوينغ 787/MISC")), found::toString);
    }

    @Test
    void anOrganisationReadAsMiscInLatinLettersTakesItsCatalogueTypeAndInArabicKeepsMisc() {
        assertEquals(List.of("ORGANIZATION", "MISC"), types(List.of(
                new Entity("World Food Programme", "MISC", 0, 20, 1.0, "model"),
                new Entity("البيت الأبيض", "MISC", 30, 42, 0.9, "model"))));
    }

    @Test
    void readsACountryTakenForAnOrganisationOrForAPersonAsAPlaceUnlessItIsAlsoAPersonsName() {
        assertEquals(List.of("LOCATION", "LOCATION", "PERSON", "ORGANIZATION", "LOCATION"), types(List.of(
                new Entity("United States", "ORGANIZATION", 0, 13, 0.9, "model"),
                new Entity("Irak", "ORGANIZATION", 20, 24, 0.9, "model"),
                new Entity("Jordan", "PERSON", 30, 36, 0.9, "model"),
                new Entity("Paris", "ORGANIZATION", 40, 45, 0.9, "model"),
                new Entity("Egypte", "PERSON", 50, 56, 0.9, "model"))));
    }

    @Test
    void readsACityTakenForAPersonAsAPlaceUnlessItIsAlsoAPersonsName() {
        assertEquals(List.of("LOCATION", "LOCATION", "ORGANIZATION", "PERSON", "ORGANIZATION", "LOCATION", "PERSON"),
                types(List.of(
                        new Entity("Khan Younis", "PERSON", 0, 11, 0.9, "model"),
                        new Entity("دير البلح", "PERSON", 20, 29, 0.9, "model"),
                        new Entity("الشرق الأوسط", "ORGANIZATION", 30, 42, 0.9, "model"),
                        new Entity("Washington", "PERSON", 40, 50, 0.9, "model"),
                        new Entity("Manchester City", "ORGANIZATION", 60, 75, 0.9, "model"),
                        new Entity("Nassiriya", "PERSON", 80, 89, 0.9, "model"),
                        new Entity("Paris", "PERSON", 90, 95, 0.9, "model"))));
    }

    @Test
    void joinsNeighbouringMentionsThatTogetherAreACatalogueName() {
        String text = "frappes à Khan Younès et Rafah, Liban Israël";
        List<Entity> found = CuratedTypes.joined(EntityCatalog.standard(), text, List.of(
                new Entity("Khan", "LOCATION", 10, 14, 0.8, "model"),
                new Entity("Younès", "PERSON", 15, 21, 0.7, "model"),
                new Entity("Rafah", "LOCATION", 25, 30, 0.9, "model"),
                new Entity("Liban", "LOCATION", 32, 37, 0.9, "model"),
                new Entity("Israël", "LOCATION", 38, 44, 0.9, "model")));
        assertEquals(List.of("Khan Younès LOCATION 10-21 gazetteer", "Rafah LOCATION 25-30 model",
                "Liban LOCATION 32-37 model", "Israël LOCATION 38-44 model"), found.stream()
                .map(e -> e.text() + " " + e.type() + " " + e.start() + "-" + e.end() + " " + e.source()).toList());
        List<Entity> apart = List.of(new Entity("Khan", "LOCATION", 0, 4, 0.8, "model"),
                new Entity("Younès", "PERSON", 5, 11, 0.7, "model"));
        assertSame(apart, CuratedTypes.joined(EntityCatalog.standard(), "Khan,Younès", apart), "a comma keeps them apart");
    }

    @Test
    void leavesAnElidedArticleOutOfACatalogueName() {
        List<Entity> found = CuratedTypes.apply(EntityCatalog.standard(), List.of(
                new Entity("L'État islamique", "LOCATION", 0, 16, 0.9, "model"),
                new Entity("d’Irak", "LOCATION", 20, 26, 0.9, "model"),
                new Entity("L'Express", "ORGANIZATION", 30, 39, 0.9, "model"),
                new Entity("Lille", "LOCATION", 40, 45, 0.9, "model")));
        assertEquals(List.of("État islamique ORGANIZATION 2", "Irak LOCATION 22", "L'Express ORGANIZATION 30",
                "Lille LOCATION 40"), found.stream().map(e -> e.text() + " " + e.type() + " " + e.start()).toList());
    }

    @Test
    void leavesCitiesPartsOfNamesAndMiscAlone() {
        List<Entity> mentions = List.of(
                new Entity("Bagdad", "ORGANIZATION", 0, 6, 0.9, "model"),
                new Entity("groupe État islamique armé", "LOCATION", 10, 36, 0.9, "model"),
                new Entity("البيت الأبيض", "MISC", 40, 52, 0.9, "model"),
                new Entity("Lloyd Austin", "PERSON", 60, 72, 1.0, "model"),
                new Entity("القاعدة", "LOCATION", 80, 87, 0.8, "model"));
        assertSame(mentions, CuratedTypes.apply(EntityCatalog.standard(), mentions));
    }
}
