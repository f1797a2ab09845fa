package dev.khabar.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.khabar.model.Json;

class RecordMirrorTest {

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String key,
                                                         String value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, partition, offset, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                -1, -1, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    @Test
    void writesADuplicateRecordNamedByIdAndPosition(@TempDir Path out) throws Exception {
        String value = "{\"schema_version\":1,\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"duplicate_of\":\"aaaaaaaaaaaaaaaaaaaaaaaa\",\"kind\":\"exact\"}";
        Path file = new RecordMirror(out).writeDuplicate(record("articles.duplicates", 1, 7,
                "aaaaaaaaaaaaaaaaaaaaaaaa", value, new RecordHeaders()));
        assertEquals(out.resolve("_duplicates/aaaaaaaaaaaaaaaaaaaaaaaa-1-7.json"), file);
        assertEquals("exact", Json.mapper().readTree(file.toFile()).path("kind").asText());
    }

    @Test
    void writesADeadLetterWithItsCauseHeadersAndTheValueAsText(@TempDir Path out) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("__streams.errors.exception", "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.message", "no body".getBytes(StandardCharsets.UTF_8));
        Path file = new RecordMirror(out).writeDeadLetter(record("articles.dlq", 0, 3, "k", "{broken نص", headers));
        assertEquals(out.resolve("_dlq/articles.dlq-0-3.json"), file);
        JsonNode letter = Json.mapper().readTree(file.toFile());
        assertEquals("{broken نص", letter.path("value").asText());
        assertEquals("no body", letter.path("headers").path("__streams.errors.message").asText());
        assertEquals("java.lang.IllegalStateException",
                letter.path("headers").path("__streams.errors.exception").asText());
        assertEquals(3, letter.path("offset").asLong());
        assertEquals("k", letter.path("key").asText());
    }

    @Test
    void aDuplicateThatIsNotJsonIsKeptAsADeadLetter(@TempDir Path out) throws Exception {
        Path file = new RecordMirror(out).writeDuplicate(record("articles.duplicates", 2, 9, null, "not json",
                new RecordHeaders()));
        assertEquals(out.resolve("_dlq/articles.duplicates-2-9.json"), file);
    }
}
