package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A ruler's title written in construct with his country, through the bundled Arabic recogniser. */
class RulerTitleTest {

    private static List<String> mentions(String text) {
        return EntityRecognizer.standard().recognize(text, "ar").stream().map(e -> e.text() + "/" + e.type()).toList();
    }

    @Test
    void aTitleBeforeItsCountryIsNoPersonNorPartOfTheNameBefore() {
        // "the Sultan of Oman Haitham bin Tariq met the Emir of Qatar": the tagger had read سلطان as a person and
        // taken أمير into the name before it
        assertEquals(List.of("عمان/LOCATION", "هيثم بن طارق/PERSON", "قطر/LOCATION", "تميم بن حمد آل ثاني/PERSON"),
                mentions("التقى سلطان عمان هيثم بن طارق أمير قطر الشيخ تميم بن حمد آل ثاني."));
    }
}
