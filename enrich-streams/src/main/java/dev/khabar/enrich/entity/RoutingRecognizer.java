package dev.khabar.enrich.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.khabar.model.Entity;

/** Sends each text to the recogniser of its language (a trained model where one is bundled), else to the gazetteer. */
final class RoutingRecognizer implements EntityRecognizer {

    static final String ARABIC_MODEL = "/models/ner-ar.bin.gz";

    private final Map<String, EntityRecognizer> byLanguage;
    private final EntityRecognizer fallback;

    RoutingRecognizer(Map<String, EntityRecognizer> byLanguage, EntityRecognizer fallback) {
        this.byLanguage = new TreeMap<>(byLanguage);
        this.fallback = fallback;
    }

    private static final class Holder {
        static final RoutingRecognizer STANDARD = new RoutingRecognizer(
                Map.of("ar", new ModelRecognizer(bundledArabic(), Gazetteer.standard(), true)),
                new GazetteerRecognizer(Gazetteer.standard()));
    }

    static RoutingRecognizer standard() {
        return Holder.STANDARD;
    }

    static NerModel bundledArabic() {
        try (InputStream in = RoutingRecognizer.class.getResourceAsStream(ARABIC_MODEL)) {
            if (in == null) {
                throw new IllegalStateException(ARABIC_MODEL + " is missing from the classpath");
            }
            return NerModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ARABIC_MODEL, e);
        }
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        return recognizerFor(language).recognize(text, language);
    }

    EntityRecognizer recognizerFor(String language) {
        if (language == null) {
            return fallback;
        }
        String primary = language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return byLanguage.getOrDefault(primary, fallback);
    }

    @Override
    public String version() {
        StringBuilder out = new StringBuilder();
        byLanguage.forEach((lang, r) -> out.append(lang).append('=').append(r.version()).append("; "));
        return out.append("other=").append(fallback.version()).toString();
    }
}
