package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.List;

import dev.khabar.model.Entity;

/** Longest match of known names, with Arabic clitic prefixes split off: the recogniser for languages without a model. */
final class GazetteerRecognizer implements EntityRecognizer {

    private static final double CONFIDENCE = 0.8;

    private final Gazetteer gazetteer;

    GazetteerRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Entity> found = new ArrayList<>();
        for (Gazetteer.Match m : gazetteer.matches(tokens)) {
            int start = tokens.get(m.first()).start() + ModelRecognizer.originalLength(tokens.get(m.first()).text(),
                    m.prefixLength());
            int end = tokens.get(m.last()).end();
            int from = text.offsetByCodePoints(0, start);
            found.add(new Entity(text.substring(from, text.offsetByCodePoints(from, end - start)),
                    Gazetteer.TYPES.get(m.type()), start, end, CONFIDENCE, "gazetteer"));
        }
        return found;
    }

    @Override
    public String version() {
        return "gazetteer-2 (" + gazetteer.size() + " names)";
    }
}
