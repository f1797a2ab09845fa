package dev.khabar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import dev.khabar.model.testing.SchemaValidator;

class SchemaTest {

    @Test
    void rawArticleMatchesItsSchema() {
        assertEquals(Set.of(), SchemaValidator.problems("articles.raw", ModelFixtures.raw("نص الخبر")));
    }

    @Test
    void enrichedArticleMatchesItsSchema() {
        assertEquals(Set.of(), SchemaValidator.problems("articles.enriched", ModelFixtures.enriched("داعش")));
    }

    @Test
    void duplicateRecordMatchesItsSchema() {
        RawArticle raw = ModelFixtures.raw("x");
        DuplicateRecord duplicate = new DuplicateRecord(DuplicateRecord.SCHEMA_VERSION, raw.id(), "0123456789abcdef01234567",
                0.93, DuplicateRecord.NEAR, "ff00", raw.source(), Instant.parse("2026-11-23T10:00:00Z"));
        assertEquals(Set.of(), SchemaValidator.problems("articles.duplicates", duplicate));
    }

    @Test
    void schemaRejectsAnUnknownEntityType() {
        ObjectNode node = Json.mapper().valueToTree(ModelFixtures.enriched("داعش"));
        ((ObjectNode) node.withArray("entities").get(0)).put("type", "ANIMAL");
        assertFalse(SchemaValidator.problems("articles.enriched", node).isEmpty());
    }

    @Test
    void titleMentionsFollowTheMentionSchemaToo() {
        ObjectNode node = Json.mapper().valueToTree(ModelFixtures.enriched("داعش"));
        ObjectNode mention = node.withArray("title_entities").addObject();
        mention.put("text", "داعش").put("type", "ORGANIZATION").put("start", 0).put("end", 4).put("confidence", 0.9)
                .put("source", "model");
        assertEquals(Set.of(), SchemaValidator.problems("articles.enriched", node));
        mention.put("type", "ANIMAL");
        assertFalse(SchemaValidator.problems("articles.enriched", node).isEmpty());
    }

    @Test
    void recordsWithoutCanonicalEntitiesDatesOrQuantitiesStillMatch() {
        ObjectNode node = Json.mapper().valueToTree(ModelFixtures.enriched("داعش"));
        node.remove(java.util.List.of("canonical_entities", "dates", "quantities"));
        ((ObjectNode) node.withArray("entities").get(0)).remove("canonical");
        assertEquals(Set.of(), SchemaValidator.problems("articles.enriched", node));
    }

    @Test
    void writesCanonicalEntitiesDatesAndQuantitiesInSnakeCaseWithPlainNumbers() throws Exception {
        String json = Json.mapper().writeValueAsString(ModelFixtures.enriched("داعش"));
        assertTrue(json.contains("\"canonical_entities\":[{\"id\":\"org:isis\""), json);
        assertTrue(json.contains("\"first_offset\":0"), json);
        assertTrue(json.contains("\"value\":1200000000,"), json);
        assertTrue(json.contains("\"canonical\":0"), json);
        EnrichedArticle back = Json.mapper().readValue(json, EnrichedArticle.class);
        assertEquals(ModelFixtures.enriched("داعش"), back);
    }

    @Test
    void schemaRejectsADateValueThatIsNotIso() {
        ObjectNode node = Json.mapper().valueToTree(ModelFixtures.enriched("داعش"));
        ((ObjectNode) node.withArray("dates").get(0)).put("value", "17/06/2024");
        assertFalse(SchemaValidator.problems("articles.enriched", node).isEmpty());
    }

    @Test
    void schemaRejectsAnUnknownQuantityKind() {
        ObjectNode node = Json.mapper().valueToTree(ModelFixtures.enriched("داعش"));
        ((ObjectNode) node.withArray("quantities").get(0)).put("kind", "weight");
        assertFalse(SchemaValidator.problems("articles.enriched", node).isEmpty());
    }

    @Test
    void schemaRejectsAMalformedCatalogueId() {
        ObjectNode node = Json.mapper().valueToTree(ModelFixtures.enriched("داعش"));
        ((ObjectNode) node.withArray("canonical_entities").get(0)).put("id", "ISIS");
        assertFalse(SchemaValidator.problems("articles.enriched", node).isEmpty());
    }

    @Test
    void schemaRejectsAMissingBody() {
        ObjectNode node = Json.mapper().valueToTree(ModelFixtures.enriched("داعش"));
        node.remove("body");
        assertFalse(SchemaValidator.problems("articles.enriched", node).isEmpty());
    }
}
