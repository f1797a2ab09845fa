package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A noun that heads organisations' names is no organisation alone, through the bundled Arabic recogniser. */
class HeadNounsTest {

    private static List<String> mentions(String text) {
        return EntityRecognizer.standard().recognize(text, "ar").stream().map(e -> e.text() + "/" + e.type()).toList();
    }

    @Test
    void aBareHeadNounIsNoOrganisationButAClubNamedWithItIs() {
        // "a merger of a university with a university or a college with a college"
        assertEquals(List.of(), mentions("يشمل ذلك اندماج جامعة مع جامعة أو كلية مع كلية."));
        assertEquals(List.of("نادي الاتحاد/ORGANIZATION"), mentions("وقع نادي الاتحاد عقدا جديدا."));
    }
}
