package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A name list learnt from the labels of some sets ({@code all}, bundled with the model), and its two halves by
 * sentence: a training sentence the list was learnt from reads the half it is not in ({@code inFirstHalf} says
 * which), so the tagger learns how far the list is to be trusted on names it has not seen.
 */
record NameLists(Map<String, String> all, Map<String, String> first, Map<String, String> second,
                 Map<ConllCorpus.Sentence, Boolean> inFirstHalf) {

    static final NameLists NONE = new NameLists(Map.of(), Map.of(), Map.of(), Map.of());

    /** Something built over the whole list and over each half (feature extractors); {@link #of} picks per sentence. */
    record Views<F>(F all, F firstHalfOnly, F secondHalfOnly, Map<ConllCorpus.Sentence, Boolean> inFirstHalf) {

        /** What a training sentence reads: built on the half it did not feed, if it fed the list, else on all of it. */
        F of(ConllCorpus.Sentence sentence) {
            Boolean first = inFirstHalf.get(sentence);
            return first == null ? all : first ? secondHalfOnly : firstHalfOnly;
        }
    }

    <F> Views<F> views(Function<Gazetteer, F> build) {
        return new Views<>(build.apply(new Gazetteer(all, List.of())), build.apply(new Gazetteer(first, List.of())),
                build.apply(new Gazetteer(second, List.of())), inFirstHalf);
    }

    static NameLists of(List<ConllCorpus.Sentence> sentences) {
        Map<ConllCorpus.Sentence, Boolean> half = new IdentityHashMap<>();
        List<ConllCorpus.Sentence> first = new ArrayList<>();
        List<ConllCorpus.Sentence> second = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            half.put(sentences.get(i), i % 2 == 0);
            (i % 2 == 0 ? first : second).add(sentences.get(i));
        }
        return new NameLists(names(sentences), names(first), names(second), half);
    }

    /**
     * Each labelled name of at most eight tokens (with a capital letter, in a cased script) and the type it has most
     * often (ties: the first).
     */
    static Map<String, String> names(List<ConllCorpus.Sentence> sentences) {
        Map<String, int[]> counts = new HashMap<>();
        for (ConllCorpus.Sentence sentence : sentences) {
            for (ConllCorpus.Mention m : sentence.mentions()) {
                String name = String.join(" ", sentence.tokens().subList(m.first(), m.last() + 1));
                int t = Gazetteer.TYPES.indexOf(m.type());
                if (t >= 0 && m.last() - m.first() < 8 && (name.codePoints().anyMatch(Character::isUpperCase)
                            || name.codePoints().noneMatch(Character::isLowerCase))) {
                    counts.computeIfAbsent(name, k -> new int[Gazetteer.TYPES.size()])[t]++;
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        counts.forEach((name, c) -> {
            int best = 0;
            for (int t = 1; t < c.length; t++) {
                best = c[t] > c[best] ? t : best;
            }
            names.put(name, Gazetteer.TYPES.get(best));
        });
        return names;
    }
}
