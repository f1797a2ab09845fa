package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Words written with tanween (indefinite) on sentences written for this test, through the bundled Arabic recogniser. */
class IndefiniteWordsTest {

    private static List<String> mentions(String text) {
        return EntityRecognizer.standard().recognize(text, "ar").stream().map(e -> e.text() + "/" + e.type()).toList();
    }

    @Test
    void anIndefiniteNounAndItsAdjectiveAreNotAPerson() {
        assertEquals(List.of(), mentions("وتلقت الشرطة بلاغًا عن إقدام وافدٍ آسيوي على إيذاء نفسه داخل منزله."));
    }

    @Test
    void anIndefiniteWordIsNotThePlaceItsBareLettersSpell() {
        // سوريًا "Syrian" and كوبًا "a cup" read as Syria and Cuba once their marks are gone
        assertEquals(List.of(), mentions("ودعمت الحكومة المشروع سوريًا وعربيًا، واشترى كوبًا من الشاي."));
    }

    @Test
    void anIndefiniteNounAfterANameIsLeftOutOfIt() {
        assertEquals(List.of("دريد بن الصمة/PERSON"), mentions("وقال الشاعر دريد بن الصمة بيتًا في رثاء أخيه."));
    }
}
