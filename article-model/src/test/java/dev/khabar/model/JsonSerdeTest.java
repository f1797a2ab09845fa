package dev.khabar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    @Test
    void roundTripsEnrichedArticleWithArabicText() {
        EnrichedArticle article = ModelFixtures.enriched("داعش في الأنبار");
        JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);
        byte[] bytes = serde.serializer().serialize("articles.enriched", article);
        assertEquals(article, serde.deserializer().deserialize("articles.enriched", bytes));
    }

    @Test
    void writesSnakeCaseFieldsAndIsoTimes() {
        byte[] bytes = Topics.RAW.valueSerde().serializer().serialize("articles.raw", ModelFixtures.raw("x"));
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"schema_version\":1"), json);
        assertTrue(json.contains("\"ingested_at\":\"2026-11-23T10:15:30.123Z\""), json);
        assertTrue(json.contains("\"format\":\"text\""), json);
    }

    @Test
    void mapsNullToNull() {
        JsonSerde<RawArticle> serde = new JsonSerde<>(RawArticle.class);
        assertNull(serde.serializer().serialize("t", null));
        assertNull(serde.deserializer().deserialize("t", null));
    }

    @Test
    void namesTheTopicWhenJsonIsBroken() {
        JsonSerde<RawArticle> serde = new JsonSerde<>(RawArticle.class);
        SerializationException e = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize("articles.raw", "{not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("articles.raw"), e.getMessage());
    }
}
