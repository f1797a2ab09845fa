package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One reading of a name per text. Names the recogniser found confidently (model mentions of confidence at least
 * {@link #CONFIDENT}, and rule mentions) decide, by summed confidence, the type of the name in the whole text; then
 * <ol>
 *   <li>a mention that is the tail of such a longer name, written in full right there ({@code عين الأسد} without its
 *   trigger noun, where the model saw only the person {@code الأسد}), takes the longer name's extent and type;</li>
 *   <li>a less confident mention of such a name takes its type;</li>
 *   <li>an occurrence of such a name that nothing covers becomes a mention of its type; for a facility name found by
 *   rule, only a bare one ({@code سجن صيدنايا} … {@code صيدنايا}): in {@code معسكر الأرمن} "the Armenians' camp", the
 *   Armenians are not a place wherever they are named.</li>
 * </ol>
 * Names match on whole words (a clitic prefix may stand before the first), so no mention cuts a word.
 */
final class DocumentConsistency {

    static final double CONFIDENT = 0.9;
    private static final double PROPAGATED_CONFIDENCE = 0.8;

    private DocumentConsistency() {
    }

    /** @param endings how the confident mentions of a one-word name end: ى, ي, both or neither (as {@link #ending}) */
    private record Name(List<String> words, int type, double confidence, String source, Set<Character> endings) {
    }

    static List<ModelRecognizer.Mention> apply(List<Token> tokens, Clitics.Split[] splits,
                                               List<ModelRecognizer.Mention> mentions) {
        Map<String, double[]> votes = new HashMap<>();
        Map<String, List<String>> wordsOf = new HashMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        Map<String, Double> best = new HashMap<>();
        Map<String, Set<Character>> endings = new HashMap<>();
        for (ModelRecognizer.Mention m : mentions) {
            boolean confident = m.source().equals("rule") || m.source().equals("model") && m.confidence() >= CONFIDENT;
            List<String> words = words(tokens, splits, m.first(), m.last());
            if (!confident || words == null) {
                continue;
            }
            String key = String.join(" ", words);
            votes.computeIfAbsent(key, k -> new double[Gazetteer.TYPES.size()])[m.type()] += m.confidence();
            best.merge(key, m.confidence(), Math::max);
            wordsOf.putIfAbsent(key, words);
            endings.computeIfAbsent(key, k -> new HashSet<>()).add(ending(tokens.get(m.last()).text()));
            sourceOf.merge(key, m.source(), (a, b) -> a.equals("model") ? a : b);
        }
        if (votes.isEmpty()) {
            return mentions;
        }
        Map<String, Name> names = new HashMap<>();
        Map<String, List<Name>> byLastWord = new HashMap<>();
        Map<String, List<Name>> byFirstWord = new HashMap<>();
        votes.forEach((key, v) -> {
            int type = 0;
            for (int t = 1; t < v.length; t++) {
                type = v[t] > v[type] ? t : type;
            }
            double total = Arrays.stream(v).sum();
            Name name = new Name(wordsOf.get(key), type, best.get(key) * v[type] / total, sourceOf.get(key),
                    endings.get(key));
            names.put(key, name);
            byLastWord.computeIfAbsent(name.words().get(name.words().size() - 1), k -> new ArrayList<>()).add(name);
            byFirstWord.computeIfAbsent(name.words().get(0), k -> new ArrayList<>()).add(name);
        });

        List<ModelRecognizer.Mention> result = new ArrayList<>(mentions);
        int[] owner = new int[tokens.size()];
        Arrays.fill(owner, -1);
        for (int i = 0; i < result.size(); i++) {
            for (int k = result.get(i).first(); k <= result.get(i).last(); k++) {
                owner[k] = i;
            }
        }
        for (int i = 0; i < result.size(); i++) {
            ModelRecognizer.Mention m = result.get(i);
            List<String> words = words(tokens, splits, m.first(), m.last());
            if (words == null) {
                continue;
            }
            ModelRecognizer.Mention extended = extend(tokens, splits, m, words, byLastWord, owner, i);
            if (extended != null) {
                for (int k = extended.first(); k < m.first(); k++) {
                    owner[k] = i;
                }
                result.set(i, extended);
                continue;
            }
            Name name = names.get(String.join(" ", words));
            boolean confident = m.source().equals("rule") || m.source().equals("model") && m.confidence() >= CONFIDENT;
            if (name != null && name.type() != m.type() && !confident) {
                result.set(i, new ModelRecognizer.Mention(m.first(), m.last(), name.type(), m.confidence(), m.source(),
                        m.prefixLength()));
            }
        }
        for (int k = 0; k < tokens.size(); k++) {
            if (owner[k] >= 0) {
                continue;
            }
            Name name = longestAt(tokens, splits, k, byFirstWord, owner);
            if (name != null) {
                int last = k + name.words().size() - 1;
                for (int j = k; j <= last; j++) {
                    owner[j] = result.size();
                }
                result.add(new ModelRecognizer.Mention(k, last, name.type(),
                        Math.min(PROPAGATED_CONFIDENCE, name.confidence()), name.source(), prefixLength(tokens, splits, k,
                        name.words().get(0))));
                k = last;
            }
        }
        return result;
    }

    /** The mention grown to the longest known longer name whose tail it is and which is written in full before it. */
    private static ModelRecognizer.Mention extend(List<Token> tokens, Clitics.Split[] splits, ModelRecognizer.Mention m,
                                                  List<String> words, Map<String, List<Name>> byLastWord, int[] owner,
                                                  int self) {
        Name best = null;
        for (Name name : byLastWord.getOrDefault(words.get(words.size() - 1), List.of())) {
            int extra = name.words().size() - words.size();
            int start = m.first() - extra;
            if (extra <= 0 || start < 0 || best != null && name.words().size() <= best.words().size()
                    || !tokens.get(m.first()).norm().equals(words.get(0))
                    || !name.words().subList(extra, name.words().size()).equals(words)) {
                continue;
            }
            boolean match = true;
            for (int k = start; k < m.first() && match; k++) {
                String expected = name.words().get(k - start);
                match = (owner[k] < 0 || owner[k] == self) && (tokens.get(k).norm().equals(expected)
                        || k == start && splits[k] != null && splits[k].rest().equals(expected));
            }
            if (match) {
                best = name;
            }
        }
        if (best == null) {
            return null;
        }
        int start = m.first() - (best.words().size() - words.size());
        return new ModelRecognizer.Mention(start, m.last(), best.type(), Math.min(PROPAGATED_CONFIDENCE,
                best.confidence()), m.source(), prefixLength(tokens, splits, start, best.words().get(0)));
    }

    /** The longest known name starting at token {@code k} on tokens nothing covers. */
    private static Name longestAt(List<Token> tokens, Clitics.Split[] splits, int k, Map<String, List<Name>> byFirstWord,
                                  int[] owner) {
        Name best = null;
        List<Name> candidates = new ArrayList<>(byFirstWord.getOrDefault(tokens.get(k).norm(), List.of()));
        if (splits[k] != null && splits[k].prefixLength() > 0) {
            candidates.addAll(byFirstWord.getOrDefault(splits[k].rest(), List.of()));
        }
        for (Name name : candidates) {
            int n = name.words().size();
            if (k + n > tokens.size() || best != null && n <= best.words().size() || !name.source().equals("model")
                    && !(name.source().equals("rule") && !name.words().get(0).startsWith("ال"))) {
                continue;
            }
            // matching folds ى into ي, but على ("on") is not the name علي (Ali) the article gave confidently
            boolean match = n > 1 || name.endings().contains(ending(tokens.get(k).text()));
            for (int j = 1; j < n && match; j++) {
                match = owner[k + j] < 0 && tokens.get(k + j).norm().equals(name.words().get(j));
            }
            if (match) {
                best = name;
            }
        }
        return best;
    }

    /** ى or ي if the word ends in it (marks aside), else a blank: the one letter variant spreading keeps apart. */
    private static char ending(String word) {
        char c = ArabicText.finalLetter(word);
        return c == 'ى' || c == 'ي' ? c : ' ';
    }

    private static int prefixLength(List<Token> tokens, Clitics.Split[] splits, int k, String firstWord) {
        return tokens.get(k).norm().equals(firstWord) || splits[k] == null ? 0 : splits[k].visiblePrefixLength();
    }

    /**
     * The words of a mention as the name is written (clitic prefix off the first), or null if it holds anything but
     * words or is too short to be told apart from common words.
     */
    private static List<String> words(List<Token> tokens, Clitics.Split[] splits, int first, int last) {
        List<String> words = new ArrayList<>();
        int letters = 0;
        for (int k = first; k <= last; k++) {
            Token token = tokens.get(k);
            if (token.norm().isEmpty() || !Tokenizer.isWordPart(token.norm().codePointAt(0))) {
                return null;
            }
            String word = k == first && splits[k] != null ? splits[k].rest() : token.norm();
            words.add(word);
            letters += word.length();
        }
        return letters >= 3 ? words : null;
    }
}
