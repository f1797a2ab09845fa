package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.khabar.model.Entity;

/**
 * Tags English or French raw text with a trained {@link NerModel} over {@link LatinFeatures}; capitalised gazetteer names
 * the model left untouched are added as a fallback (they never override a model mention). Safe for concurrent use.
 */
final class LatinRecognizer implements EntityRecognizer {

    private static final double FALLBACK_CONFIDENCE = 0.7;
    private static final int PERSON = Gazetteer.TYPES.indexOf("PERSON");
    private static final double TEMPERATURE = 20;

    /** Words after which a full stop does not end the sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col",
            "lt", "sgt", "capt", "rep", "sen", "gov", "prof", "rev", "inc", "corp", "co", "ltd", "no", "vs", "etc", "mt",
            "m", "mm", "mme", "mlle", "me", "av", "bd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
            "dec");

    private final NerModel model;
    private final Gazetteer gazetteer;
    private final LatinFeatures features;
    private final boolean fallback;

    LatinRecognizer(NerModel model, Gazetteer gazetteer, boolean fallback) {
        this.model = model;
        this.gazetteer = gazetteer;
        this.features = new LatinFeatures(gazetteer, new Gazetteer(model.names(), List.of()), model.clusters(),
                model.lexicon(), model.tagger().bits);
        this.fallback = fallback;
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        List<Token> all = Tokenizer.tokenize(text);
        List<Entity> found = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (i == all.size() - 1 || endsSentence(text, all, i)) {
                tagSentence(text, all.subList(from, i + 1), found);
                from = i + 1;
            }
        }
        found.sort(Comparator.comparingInt(Entity::start));
        return found;
    }

    /** A full stop, question or exclamation mark followed by white space, not after an abbreviation or an initial. */
    static boolean endsSentence(String text, List<Token> tokens, int i) {
        String token = tokens.get(i).text();
        if (!token.equals(".") && !token.equals("!") && !token.equals("?")) {
            return false;
        }
        int end = tokens.get(i).end();
        if (i + 1 < tokens.size() && tokens.get(i + 1).start() == end) {
            return false;
        }
        if (token.equals(".") && i > 0) {
            Token previous = tokens.get(i - 1);
            String word = previous.text();
            boolean attached = previous.end() == tokens.get(i).start();
            if (attached && (word.length() == 1 && Character.isUpperCase(word.charAt(0))
                    || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        return true;
    }

    private void tagSentence(String text, List<Token> tokens, List<Entity> found) {
        SequenceModel tagger = model.tagger();
        float[][] emissions = tagger.emissions(features.features(tokens));
        model.bias(emissions);
        int[] tags = tagger.decode(emissions);
        boolean[] covered = new boolean[tokens.size()];
        for (SequenceModel.Chunk c : tagger.chunks(emissions, tags, TEMPERATURE)) {
            int first = c.type() == PERSON ? withoutTitles(tokens, c.first(), c.last()) : c.first();
            add(text, tokens, first, c.last(), c.type(), c.confidence(), "model", found, covered);
        }
        if (fallback) {
            for (Gazetteer.Match m : gazetteer.matches(tokens)) {
                boolean free = Character.isUpperCase(tokens.get(m.first()).text().codePointAt(0)) && m.prefixLength() == 0;
                for (int k = m.first(); k <= m.last() && free; k++) {
                    free = !covered[k];
                }
                if (free && !model.unreliableNames().contains(Gazetteer.key(tokens, m))) {
                    add(text, tokens, m.first(), m.last(), m.type(), FALLBACK_CONFIDENCE, "gazetteer", found, covered);
                }
            }
        }
    }

    /**
     * The first token of a person mention once leading titles ({@code Prime Minister}, {@code M.}) are cut off, as the
     * CoNLL convention has it (some training sets include them); a mention that is only titles is kept whole.
     */
    static int withoutTitles(List<Token> tokens, int first, int last) {
        int k = first;
        while (k < last && (LatinFeatures.isPersonTitle(tokens.get(k).text().toLowerCase(Locale.ROOT))
                || k > first && tokens.get(k).text().equals("."))) {
            k++;
        }
        while (k < last && !Tokenizer.isWordPart(tokens.get(k).text().codePointAt(0))) {
            k++;
        }
        return Character.isUpperCase(tokens.get(k).text().codePointAt(0)) ? k : first;
    }

    private static void add(String text, List<Token> tokens, int first, int last, int type, double confidence,
                            String source, List<Entity> found, boolean[] covered) {
        while (first <= last && !isWord(tokens.get(first).text())) {
            first++;
        }
        while (last >= first && !isWord(tokens.get(last).text())) {
            last--;
        }
        if (first > last) {
            return;
        }
        int start = tokens.get(first).start();
        int end = tokens.get(last).end();
        if (last + 1 < tokens.size() && tokens.get(last + 1).text().equals(".") && tokens.get(last + 1).start() == end
                && last > first && tokens.get(last - 1).text().equals(".") && tokens.get(last).text().length() == 1) {
            end++;  // U.S. keeps its last full stop
        }
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

    @Override
    public String version() {
        return model.version();
    }
}
