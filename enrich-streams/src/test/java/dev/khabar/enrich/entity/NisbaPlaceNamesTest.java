package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code مالي} is Mali and, far more often, "financial": on sentences written for this test, through the bundled
 * Arabic recogniser, the country after a preposition and the adjective after its noun.
 */
class NisbaPlaceNamesTest {

    private static final EntityRecognizer RECOGNIZER = EntityRecognizer.standard();

    private static List<String> mentions(String text) {
        return RECOGNIZER.recognize(text, "ar").stream().map(e -> e.text() + "/" + e.type()).toList();
    }

    @Test
    void aNisbaShapedCountryAfterAPrepositionIsAPlace() {
        assertTrue(mentions("واحتجزت الشرطة في مالي عشرين شخصا.").contains("مالي/LOCATION"));
        assertTrue(mentions("وقال إنه سافر إلى مالي قبل سبعة أشهر.").contains("مالي/LOCATION"));
    }

    @Test
    void theAdjectiveAfterItsNounIsNot() {
        assertEquals(List.of(), mentions("وقدمت الوزارة دعم مالي للجمعيات المهنية."));
        assertTrue(RECOGNIZER.ordinaryWord("مالي", "ar"));
        assertFalse(RECOGNIZER.ordinaryWord("مالي", "en"));
        assertFalse(RECOGNIZER.ordinaryWord("بغداد", "ar"));
    }

    @Test
    void anAdjectiveOrOrdinalAfterAPlaceOrCampNounIsNoPlaceButANameThere() {
        // "a heritage village", "a training camp", "a fifth term"
        assertEquals(List.of(), mentions("أعلنت الأمانة إنشاء أول قرية تراثية متكاملة."));
        assertEquals(List.of(), mentions("وسافر الفريق لإقامة معسكر إعدادي لمدة أسبوعين."));
        assertEquals(List.of(), mentions("بعد أربعة أيام على فوزه بولاية خامسة على التوالي."));
        assertTrue(mentions("ووصلت السفينة إلى ميناء دبي.").contains("دبي/LOCATION"));
        assertTrue(mentions("ثم انتقل إلى ولاية بجاية.").contains("بجاية/LOCATION"));
    }
}
