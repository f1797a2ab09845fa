package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.khabar.model.Entity;

/**
 * Tags raw text with a trained {@link NerModel}; facility names after a trigger noun ({@link FacilityRule}) replace model
 * mentions lying inside them; gazetteer names the model left untouched are added as a high-precision fallback (they
 * never override a model mention). Safe for concurrent use.
 */
final class ModelRecognizer implements EntityRecognizer {

    private static final double FALLBACK_CONFIDENCE = 0.7;
    private static final double RULE_CONFIDENCE = 0.75;
    private static final double TEMPERATURE = 20;

    private final NerModel model;
    private final Gazetteer gazetteer;
    private final ArabicFeatures features;
    private final boolean fallback;

    ModelRecognizer(NerModel model, Gazetteer gazetteer, boolean fallback) {
        this.model = model;
        this.gazetteer = gazetteer;
        this.features = new ArabicFeatures(gazetteer, new Clitics(lexicon(model.lexicon(), gazetteer)), model.clusters(),
                model.tagger().bits);
        this.fallback = fallback;
    }

    /** The training lexicon plus every gazetteer word, so a known name is split off its clitic ({@code لداعش}). */
    static Map<String, Integer> lexicon(Map<String, Integer> counts, Gazetteer gazetteer) {
        Map<String, Integer> lexicon = new HashMap<>(counts);
        gazetteer.words().forEach(w -> lexicon.merge(w, 1, Integer::sum));
        return lexicon;
    }

    ArabicFeatures features() {
        return features;
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        List<Token> all = Tokenizer.tokenize(text);
        List<Entity> found = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (i == all.size() - 1 || endsSentence(all.get(i).text())) {
                tagSentence(text, all.subList(from, i + 1), found);
                from = i + 1;
            }
        }
        found.sort(Comparator.comparingInt(Entity::start));
        return found;
    }

    static boolean endsSentence(String token) {
        return token.equals(".") || token.equals("!") || token.equals("?") || token.equals("؟");
    }

    private void tagSentence(String text, List<Token> tokens, List<Entity> found) {
        ArabicFeatures.Analysis analysis = features.analyse(tokens);
        SequenceModel tagger = model.tagger();
        float[][] emissions = tagger.emissions(analysis.features());
        for (float[] row : emissions) {
            row[0] -= model.outsideBias();
        }
        int[] tags = tagger.decode(emissions);
        List<int[]> facilities = FacilityRule.find(tokens, analysis.splits());
        boolean[] covered = new boolean[tokens.size()];
        int i = 0;
        while (i < tags.length) {
            if (tags[i] == 0) {
                i++;
                continue;
            }
            int type = SequenceModel.typeOf(tags[i]);
            int last = i;
            while (last + 1 < tags.length && tags[last + 1] == SequenceModel.inside(type)) {
                last++;
            }
            double confidence = 1;
            for (int k = i; k <= last; k++) {
                confidence = Math.min(confidence, tagger.confidence(emissions, tags, k, TEMPERATURE));
            }
            if (!within(facilities, i, last)) {
                add(text, tokens, analysis.splits()[i].visiblePrefixLength(), i, last, type, confidence, "model", found,
                        covered);
            }
            i = last + 1;
        }
        for (int[] span : facilities) {
            boolean free = true;
            for (int k = span[0]; k <= span[1] && free; k++) {
                free = !covered[k];
            }
            if (free) {
                add(text, tokens, 0, span[0], span[1], Gazetteer.TYPES.indexOf("LOCATION"), RULE_CONFIDENCE, "rule", found,
                        covered);
            }
        }
        if (fallback) {
            for (Gazetteer.Match m : gazetteer.matches(tokens)) {
                boolean free = true;
                for (int k = m.first(); k <= m.last() && free; k++) {
                    free = !covered[k];
                }
                if (free && !model.unreliableNames().contains(Gazetteer.key(tokens, m))) {
                    add(text, tokens, m.prefixLength(), m.first(), m.last(), m.type(), FALLBACK_CONFIDENCE, "gazetteer", found,
                            covered);
                }
            }
        }
    }

    private static boolean within(List<int[]> spans, int first, int last) {
        for (int[] span : spans) {
            if (span[0] <= first && last <= span[1]) {
                return true;
            }
        }
        return false;
    }

    private static void add(String text, List<Token> tokens, int prefixLength, int first, int last, int type,
                            double confidence, String source, List<Entity> found, boolean[] covered) {
        int prefix = prefixLength;
        while (first <= last && !isWord(tokens.get(first).text())) {
            first++;
            prefix = 0;
        }
        while (last >= first && !isWord(tokens.get(last).text())) {
            last--;
        }
        if (first > last) {
            return;
        }
        Token head = tokens.get(first);
        int start = head.start() + originalLength(head.text(), prefix);
        int end = tokens.get(last).end();
        for (int k = first; k <= last; k++) {
            covered[k] = true;
        }
        int from = text.offsetByCodePoints(0, start);
        String mention = text.substring(from, text.offsetByCodePoints(from, end - start));
        found.add(new Entity(mention, Gazetteer.TYPES.get(type), start, end, Math.round(confidence * 1000) / 1000.0,
                source));
    }

    private static boolean isWord(String token) {
        return Tokenizer.isWordPart(token.codePointAt(0));
    }

    /** Code points of {@code word} spanned by its first {@code normalizedChars} letters, with their marks. */
    static int originalLength(String word, int normalizedChars) {
        if (normalizedChars == 0) {
            return 0;
        }
        int letters = 0;
        int cps = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            boolean mark = Character.getType(cp) == Character.NON_SPACING_MARK || cp == '\u0640';
            if (!mark) {
                if (letters == normalizedChars) {
                    return cps;
                }
                letters++;
            }
            i += Character.charCount(cp);
            cps++;
        }
        return cps;
    }

    @Override
    public String version() {
        return model.version();
    }
}
