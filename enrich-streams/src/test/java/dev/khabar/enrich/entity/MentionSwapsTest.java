package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class MentionSwapsTest {

    private static ConllCorpus.Sentence sentence(String tokens, String tags) {
        return new ConllCorpus.Sentence(List.of(tokens.split(" ")), List.of(tags.split(" ")));
    }

    private static final List<ConllCorpus.Sentence> SENTENCES = List.of(
            sentence("Joe Biden visited Paris today", "B-PERSON I-PERSON O B-LOCATION O"),
            sentence("Macron met Olaf Scholz in New York", "B-PERSON O B-PERSON I-PERSON O B-LOCATION I-LOCATION"),
            sentence("Nothing happened", "O O"),
            sentence("The UN said so", "O B-ORGANIZATION O O"));

    private static String names(ConllCorpus.Sentence s, String type) {
        return s.mentions().stream().filter(m -> m.type().equals(type))
                .map(m -> String.join(" ", s.tokens().subList(m.first(), m.last() + 1))).collect(Collectors.joining("|"));
    }

    @Test
    void swapsEachNameForOneOfItsTypeAndKeepsTheContext() {
        List<ConllCorpus.Sentence> copies = MentionSwaps.of(SENTENCES, 5, 7, NameLists.NONE);
        assertEquals(15, copies.size(), "five copies of each sentence with a name");
        Set<String> people = Set.of("Joe Biden", "Macron", "Olaf Scholz");
        Set<String> places = Set.of("Paris", "New York");
        for (ConllCorpus.Sentence copy : copies.subList(0, 5)) {
            assertEquals(copy.tokens().size(), copy.tags().size());
            assertTrue(people.contains(names(copy, "PERSON")), copy::text);
            assertTrue(places.contains(names(copy, "LOCATION")), copy::text);
            assertTrue(copy.text().contains(" visited "), copy::text);
            assertTrue(copy.text().endsWith(" today"), copy::text);
        }
        assertEquals("The UN said so", copies.get(14).text());
        assertTrue(copies.stream().map(ConllCorpus.Sentence::text).distinct().count() > 3, "names really change");
    }

    @Test
    void drawsNamesOnlyFromTheSameHalfOfTheNameList() {
        NameLists names = NameLists.of(SENTENCES);
        List<ConllCorpus.Sentence> copies = MentionSwaps.of(SENTENCES, 20, 7, names);
        for (ConllCorpus.Sentence copy : copies) {
            boolean first = names.inFirstHalf().get(copy);
            // sentences 0 and 2 fed the first half, 1 and 3 the second
            Set<String> allowed = first ? Set.of("Joe Biden", "Paris") : Set.of("Macron", "Olaf Scholz", "New York", "UN");
            for (ConllCorpus.Mention m : copy.mentions()) {
                String name = String.join(" ", copy.tokens().subList(m.first(), m.last() + 1));
                assertTrue(allowed.contains(name), name + " in " + copy.text());
            }
        }
    }
}
