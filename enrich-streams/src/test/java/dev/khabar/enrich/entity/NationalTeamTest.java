package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** National teams through the bundled Arabic recogniser, on sentences written for this test. */
class NationalTeamTest {

    private static List<String> mentions(String text) {
        return EntityRecognizer.standard().recognize(text, "ar").stream().map(e -> e.text() + "/" + e.type()).toList();
    }

    @Test
    void aNationalTeamIsTheCountryItPlaysFor() {
        // the tagger reads منتخب مصر لكرة القدم ("Egypt's football team") as one organisation
        assertEquals(List.of("مصر/LOCATION", "غانا/LOCATION"),
                mentions("وتغلب منتخب مصر لكرة القدم على منتخب غانا في المباراة النهائية."));
    }
}
