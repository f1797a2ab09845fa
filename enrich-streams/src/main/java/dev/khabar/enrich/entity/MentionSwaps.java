package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training copies of labelled sentences in which every name is swapped for a name of the same type drawn at random
 * from the same pool (mention replacement, Dai and Adel 2020): the tagger sees each context with names it would not
 * otherwise see there, and leans less on having met the name itself.
 */
final class MentionSwaps {

    private MentionSwaps() {
    }

    /**
     * {@code copies} swapped copies of each sentence that has a name. A name is drawn from the names of that type in
     * the sentences that fed the same half of {@code names} (or none), and a copy reads that half's complement as its
     * source does ({@link NameLists.Views#of}), so the name list stays as untrustworthy in training as at test time.
     */
    static List<ConllCorpus.Sentence> of(List<ConllCorpus.Sentence> sentences, int copies, long seed, NameLists names) {
        Map<ConllCorpus.Sentence, Boolean> halves = names.inFirstHalf();
        Map<Boolean, Map<String, List<List<String>>>> pools = new HashMap<>();
        for (ConllCorpus.Sentence sentence : sentences) {
            Map<String, List<List<String>>> byType = pools.computeIfAbsent(halves.get(sentence), k -> new HashMap<>());
            for (ConllCorpus.Mention m : sentence.mentions()) {
                byType.computeIfAbsent(m.type(), k -> new ArrayList<>())
                        .add(sentence.tokens().subList(m.first(), m.last() + 1));
            }
        }
        Random random = new Random(seed);
        List<ConllCorpus.Sentence> swapped = new ArrayList<>();
        for (ConllCorpus.Sentence sentence : sentences) {
            List<ConllCorpus.Mention> mentions = sentence.mentions();
            if (mentions.isEmpty()) {
                continue;
            }
            Boolean half = halves.get(sentence);
            Map<String, List<List<String>>> byType = pools.get(half);
            for (int c = 0; c < copies; c++) {
                ConllCorpus.Sentence copy = swap(sentence, mentions, byType, random);
                if (half != null) {
                    halves.put(copy, half);
                }
                swapped.add(copy);
            }
        }
        return swapped;
    }

    private static ConllCorpus.Sentence swap(ConllCorpus.Sentence sentence, List<ConllCorpus.Mention> mentions,
                                             Map<String, List<List<String>>> byType, Random random) {
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int next = 0;
        for (ConllCorpus.Mention m : mentions) {
            tokens.addAll(sentence.tokens().subList(next, m.first()));
            tags.addAll(sentence.tags().subList(next, m.first()));
            List<List<String>> choices = byType.get(m.type());
            List<String> name = choices.get(random.nextInt(choices.size()));
            for (int i = 0; i < name.size(); i++) {
                tokens.add(name.get(i));
                tags.add((i == 0 ? "B-" : "I-") + m.type());
            }
            next = m.last() + 1;
        }
        tokens.addAll(sentence.tokens().subList(next, sentence.tokens().size()));
        tags.addAll(sentence.tags().subList(next, sentence.tags().size()));
        return new ConllCorpus.Sentence(List.copyOf(tokens), List.copyOf(tags));
    }
}
