package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The given name علي, which parts of the training text also write for the preposition على: on sentences written for
 * this test, through the bundled Arabic recogniser.
 */
class GivenNameAliTest {

    private static List<String> mentions(String text) {
        return EntityRecognizer.standard().recognize(text, "ar").stream().map(e -> e.text() + "/" + e.type()).toList();
    }

    @Test
    void aliJoinsThePersonAfterIt() {
        assertTrue(mentions("وقال علي عبدالله إن الخدمة متاحة على الموقع.").contains("علي عبدالله/PERSON"));
    }

    @Test
    void aliBeforeAFamilyNameIsAPersonWhateverTheTaggerReadTheFamilyNameAs() {
        assertTrue(mentions("وأكد علي الأحمدي، الناطق باسم المقاومة، أن القوات تقدمت إلى الأمام.")
                .contains("علي الأحمدي/PERSON"));  // الأحمدي alone reads as the Kuwaiti governorate
        assertTrue(mentions("وركز البرنامج على الجانب الشرقي وقال علي النعيمي إنه راض.")
                .contains("علي النعيمي/PERSON"));
    }

    @Test
    void notInATextThatWritesThePrepositionAsAli() {
        assertEquals(List.of(), mentions("وركز البرنامج علي الجانب الشرقي من المشروع"));
        assertEquals(List.of(), mentions("وكان عليّ أن أنتظر إلى الصباح."));
    }
}
