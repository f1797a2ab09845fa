package dev.khabar.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.khabar.model.CommonSettings;
import dev.khabar.model.Format;
import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceHeaders;
import dev.khabar.model.Topics;
import dev.khabar.model.testing.SchemaValidator;

/** Dead letters from the production topology match {@code articles.dlq.schema.json} and keep the record as it came. */
class DeadLetterSchemaTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private static EnrichmentSteps steps;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeAll
    static void loadModels() {
        steps = EnrichmentSteps.standard();
    }

    @BeforeEach
    void startDriver() {
        Properties props = EnrichConfig.load(Map.of(), List.of("--" + CommonSettings.WORKDIR_CONFIG + "=target/dlq-test"))
                .streamsProperties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/dlq-test/state-" + System.nanoTime());
        driver = new TopologyTestDriver(EnrichTopology.build(3, steps, CLOCK), props);
        raw = driver.createInputTopic(Topics.RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
                Topics.DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static ObjectNode headers(TestRecord<byte[], byte[]> record) {
        ObjectNode node = Json.mapper().createObjectNode();
        for (Header header : record.headers()) {
            node.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return node;
    }

    @Test
    void anArticleThatCannotBeExtractedKeepsItsSourceHeadersInTheDeadLetter() {
        RawArticle seed = Seeds.raw(Seeds.files().get(0), "a.json");
        RawArticle bad = new RawArticle(seed.schemaVersion(), seed.id(), seed.source(), Format.JSON,
                "{\"headline\": \"no body here\"}");
        RecordHeaders sourceHeaders = new RecordHeaders();
        sourceHeaders.add(SourceHeaders.FILE_NAME, "a.json".getBytes(StandardCharsets.UTF_8));
        sourceHeaders.add(SourceHeaders.INGESTED_AT, "2026-11-23T11:59:00Z".getBytes(StandardCharsets.UTF_8));
        byte[] value = Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), bad);
        raw.pipeInput(new TestRecord<>(bad.id().getBytes(StandardCharsets.UTF_8), value, sourceHeaders));
        TestRecord<byte[], byte[]> letter = dlq.readRecord();
        assertArrayEquals(bad.id().getBytes(StandardCharsets.UTF_8), letter.key());
        assertArrayEquals(value, letter.value());
        ObjectNode headers = headers(letter);
        assertEquals(Set.of(), SchemaValidator.problems(Topics.DLQ.name(), headers), headers.toString());
        assertEquals(Topics.RAW.name(), headers.path("__streams.errors.topic").asText());
        assertEquals("a.json", headers.path(SourceHeaders.FILE_NAME).asText(), headers.toString());
    }

    @Test
    void schemaRejectsADeadLetterThatDoesNotSayWhereItCameFrom() {
        ObjectNode headers = Json.mapper().createObjectNode()
                .put("__streams.errors.exception", "java.lang.IllegalStateException")
                .put("__streams.errors.partition", "0")
                .put("__streams.errors.offset", "12");
        assertFalse(SchemaValidator.problems(Topics.DLQ.name(), headers).isEmpty());
    }
}
