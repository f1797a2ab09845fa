package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LatinNamesTest {

    private final LatinNames world = LatinNames.standard();

    @Test
    void marksTheWordsOfListedPlacesWhateverTheirCase() {
        int[] codes = world.placeSpans(Tokenizer.tokenize("Talks moved from Buenos Aires to dubrovnik on Monday"));
        assertEquals(0, codes[0]);
        assertEquals(0, codes[2]);
        assertTrue(codes[3] > 0 && codes[4] > 0 && codes[3] != codes[4], Arrays.toString(codes));  // first, last word
        assertTrue(codes[6] > 0, Arrays.toString(codes));
        assertEquals(0, codes[7]);
    }

    @Test
    void findsTheSameSpansAsAGazetteerOfTheSameNames() {
        List<String> places = List.of("New York", "New York Mills", "York", "Saint-Denis", "Mills", "La Paz");
        LatinNames names = new LatinNames(places, List.of(), List.of());
        Map<String, String> located = new LinkedHashMap<>();
        places.forEach(p -> located.put(p, "LOCATION"));
        Gazetteer gazetteer = new Gazetteer(located, List.of());
        for (String text : List.of("From New York Mills to York and New York, then Saint-Denis and la paz",
                "New New York York Mills Mills", "")) {
            List<Token> tokens = Tokenizer.tokenize(text);
            assertArrayEquals(gazetteer.spans(tokens, 3), names.placeSpans(tokens), text);
        }
    }

    @Test
    void tellsGivenFromFamilyNames() {
        assertEquals(LatinNames.GIVEN, world.personWord("olaf"));
        assertEquals(LatinNames.FAMILY, world.personWord("scholz"));
        assertEquals(LatinNames.GIVEN | LatinNames.FAMILY, world.personWord("emmanuel"));
        assertEquals(0, world.personWord("tuesday"));
    }

    @Test
    void changesTheFeaturesOfAListedNameAndItsNeighboursOnly() {
        List<Token> tokens = Tokenizer.tokenize("Officials gathered in Dubrovnik yesterday");
        int[][] without = new LatinFeatures(Gazetteer.standard(), null, LatinNames.NONE, WordClusters.NONE, Map.of(), 18)
                .features(tokens);
        int[][] with = new LatinFeatures(Gazetteer.standard(), null, world, WordClusters.NONE, Map.of(), 18)
                .features(tokens);
        assertArrayEquals(without[0], with[0]);
        assertFalse(Arrays.equals(without[2], with[2]));  // "in", before the place
        assertFalse(Arrays.equals(without[3], with[3]));
        assertFalse(Arrays.equals(without[4], with[4]));  // "yesterday", after it
    }

    @Test
    void readsAFamilyNameAfterAGivenNameDifferently() {
        List<Token> tokens = Tokenizer.tokenize("Chancellor Olaf Scholz spoke");
        LatinNames familyOnly = new LatinNames(List.of(), List.of(), List.of("Scholz"));
        LatinNames both = new LatinNames(List.of(), List.of("Olaf"), List.of("Scholz"));
        int[] alone = new LatinFeatures(Gazetteer.standard(), null, familyOnly, WordClusters.NONE, Map.of(), 18)
                .features(tokens)[2];
        int[] afterGiven = new LatinFeatures(Gazetteer.standard(), null, both, WordClusters.NONE, Map.of(), 18)
                .features(tokens)[2];
        assertEquals(alone.length, afterGiven.length);
        assertFalse(Arrays.equals(afterGiven, alone));  // "Scholz" itself reads the same; the given name before it does not
    }
}
