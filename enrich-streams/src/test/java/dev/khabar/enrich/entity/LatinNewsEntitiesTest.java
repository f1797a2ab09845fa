package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

/** The bundled English and French models on news paragraphs written for this test (not from any corpus). */
class LatinNewsEntitiesTest {

    private static final String ENGLISH = "President Joe Biden met NATO officials in Brussels on Thursday. "
            + "Prime Minister Keir Starmer said the United Kingdom would send more troops to Estonia.";

    private static final String FRENCH = "Le président Emmanuel Macron a reçu jeudi le chancelier allemand Olaf Scholz "
            + "à Paris. Les deux dirigeants ont ensuite rencontré des responsables de la Commission européenne.";

    @Test
    void findsPeopleOrganisationsAndPlacesInEnglishNews() {
        List<Entity> entities = EntityRecognizer.standard().recognize(ENGLISH, "en");
        ArabicTokenizationTest.assertHas(entities, ENGLISH, "Joe Biden", "PERSON");
        ArabicTokenizationTest.assertHas(entities, ENGLISH, "NATO", "ORGANIZATION");
        ArabicTokenizationTest.assertHas(entities, ENGLISH, "Brussels", "LOCATION");
        ArabicTokenizationTest.assertHas(entities, ENGLISH, "Keir Starmer", "PERSON");
        ArabicTokenizationTest.assertHas(entities, ENGLISH, "Estonia", "LOCATION");
        assertOffsetsAreCodePoints(entities, ENGLISH);
    }

    @Test
    void findsPeopleOrganisationsAndPlacesInFrenchNews() {
        List<Entity> entities = EntityRecognizer.standard().recognize(FRENCH, "fr");
        ArabicTokenizationTest.assertHas(entities, FRENCH, "Emmanuel Macron", "PERSON");
        ArabicTokenizationTest.assertHas(entities, FRENCH, "Olaf Scholz", "PERSON");
        ArabicTokenizationTest.assertHas(entities, FRENCH, "Paris", "LOCATION");
        ArabicTokenizationTest.assertHas(entities, FRENCH, "Commission européenne", "ORGANIZATION");
        assertOffsetsAreCodePoints(entities, FRENCH);
    }

    @Test
    void keepsTitlesOutOfPersonMentions() {
        List<Entity> entities = EntityRecognizer.standard().recognize(ENGLISH, "en");
        assertTrue(entities.stream().noneMatch(e -> e.text().startsWith("President") || e.text().startsWith("Prime")),
                entities::toString);
    }

    private static void assertOffsetsAreCodePoints(List<Entity> entities, String text) {
        for (Entity e : entities) {
            assertEquals(e.text(), ArabicTokenizationTest.codePoints(text, e.start(), e.end()));
        }
    }
}
