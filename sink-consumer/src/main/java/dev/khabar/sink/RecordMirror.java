package dev.khabar.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import dev.khabar.model.Json;

/**
 * Copies records of {@code articles.duplicates} to {@code OUT/_duplicates/<id>-<partition>-<offset>.json} and of
 * {@code articles.dlq} (or any record the sink cannot read) to {@code OUT/_dlq/<topic>-<partition>-<offset>.json}.
 * Names come from the record's position, so a replay rewrites the same file.
 */
final class RecordMirror {

    static final String DUPLICATES_DIR = "_duplicates";
    static final String DLQ_DIR = "_dlq";

    private final Path outDir;
    private final ObjectWriter json = Json.mapper().writerWithDefaultPrettyPrinter();

    RecordMirror(Path outDir) {
        this.outDir = outDir;
    }

    Path writeDuplicate(ConsumerRecord<byte[], byte[]> record) throws IOException {
        JsonNode value = parse(record.value());
        if (value == null || !value.isObject()) {
            return writeDeadLetter(record);
        }
        String id = value.path("id").asText(text(record.key()));
        String safeId = id != null && EnrichedArticleWriter.SAFE_ID.matcher(id).matches() ? id : "unknown";
        Path target = outDir.resolve(DUPLICATES_DIR)
                .resolve(safeId + "-" + record.partition() + "-" + record.offset() + ".json");
        return DurableFile.write(target, json.writeValueAsBytes(value));
    }

    /** Writes the record's position, key, headers and value, each as UTF-8 text. */
    Path writeDeadLetter(ConsumerRecord<byte[], byte[]> record) throws IOException {
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("topic", record.topic());
        letter.put("partition", record.partition());
        letter.put("offset", record.offset());
        letter.put("timestamp", record.timestamp());
        letter.put("key", text(record.key()));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), text(header.value()));
        }
        letter.put("headers", headers);
        letter.put("value", text(record.value()));
        Path target = outDir.resolve(DLQ_DIR)
                .resolve(record.topic() + "-" + record.partition() + "-" + record.offset() + ".json");
        return DurableFile.write(target, json.writeValueAsBytes(letter));
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
