package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class NerContextSettingTest {

    private static final String TEXT = "President Joe Biden met NATO officials in Brussels on Monday.";

    @Test
    void contextualModelsAreTheDefaultAndTheSettingTurnsThemOff() {
        assertTrue(EnrichConfig.load(Map.of(), List.of()).nerContext());
        assertFalse(EnrichConfig.load(Map.of("KHABAR_NER_CONTEXT", "false"), List.of()).nerContext());
        assertFalse(EnrichConfig.load(Map.of(), List.of("--ner.context=false")).nerContext());
    }

    @Test
    void theFastStepsUseTheModelsWithoutVectorsForEnglishAndFrenchOnly() {
        String accurate = EnrichmentSteps.standard(true).models().get("entities");
        String fast = EnrichmentSteps.standard(false).models().get("entities");
        assertTrue(accurate.contains("en=ner-en-perceptron-8") && accurate.contains("fr=ner-fr-perceptron-6"), accurate);
        assertTrue(fast.contains("en=ner-en-perceptron-5") && fast.contains("fr=ner-fr-perceptron-3"), fast);
        assertTrue(fast.contains("ar=ner-ar-perceptron-3") && accurate.contains("ar=ner-ar-perceptron-3"));
        for (boolean context : new boolean[] {true, false}) {
            List<Entity> found = EnrichmentSteps.standard(context).entities().recognize(TEXT, "en");
            assertTrue(found.stream().anyMatch(e -> e.text().equals("Joe Biden") && e.type().equals("PERSON")),
                    found::toString);
            assertTrue(found.stream().anyMatch(e -> e.text().equals("Brussels") && e.type().equals("LOCATION")),
                    found::toString);
        }
    }
}
