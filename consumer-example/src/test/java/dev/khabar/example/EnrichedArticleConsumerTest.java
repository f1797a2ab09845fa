package dev.khabar.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Topics;

class EnrichedArticleConsumerTest {

    private static EnrichedArticle read(String json) {
        return Topics.ENRICHED.valueSerde().deserializer()
                .deserialize(Topics.ENRICHED.name(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static String article(String title, String entities) {
        return """
                {"schema_version": 1, "id": "0123456789abcdef01234567", "title": %s, "body": "...",
                 "language": {"code": "ar", "confidence": 0.99, "script": "Arab"},
                 "entities": [%s]}
                """.formatted(title, entities);
    }

    private static String entity(String text, String type) {
        return "{\"text\": \"" + text + "\", \"type\": \"" + type + "\", \"start\": 0, \"end\": 1, \"confidence\": 0.9,"
                + " \"source\": \"model\"}";
    }

    @Test
    void printsIdLanguageTitleAndTheMostMentionedEntitiesFirst() {
        String entities = String.join(",", entity("بغداد", "LOCATION"), entity("داعش", "ORGANIZATION"),
                entity("داعش", "ORGANIZATION"), entity("العراق", "LOCATION"), entity("العراق", "LOCATION"),
                entity("العراق", "LOCATION"));
        assertEquals("0123456789abcdef01234567  ar  عنوان الخبر  | العراق (LOCATION), داعش (ORGANIZATION), بغداد (LOCATION)",
                EnrichedArticleConsumer.describe(read(article("\"عنوان الخبر\"", entities))));
    }

    @Test
    void keepsTheFirstMentionedOfEquallyFrequentEntitiesAndStopsAtFive() {
        String entities = String.join(",", entity("a", "MISC"), entity("b", "MISC"), entity("c", "MISC"),
                entity("d", "MISC"), entity("e", "MISC"), entity("f", "MISC"));
        assertEquals("a (MISC), b (MISC), c (MISC), d (MISC), e (MISC)",
                EnrichedArticleConsumer.topEntities(read(article("\"t\"", entities))));
    }

    @Test
    void saysSoWhenAnArticleHasNoTitle() {
        assertEquals("0123456789abcdef01234567  ar  (no title)  | ",
                EnrichedArticleConsumer.describe(read(article("null", ""))));
    }

    @Test
    void readsARecordCarryingFieldsThisVersionDoesNotKnow() {
        String newer = article("\"t\"", entity("x", "PERSON")).replace("\"body\": \"...\"",
                "\"body\": \"...\", \"sentiment\": {\"score\": 0.2}");
        assertEquals("0123456789abcdef01234567  ar  t  | x (PERSON)", EnrichedArticleConsumer.describe(read(newer)));
    }
}
