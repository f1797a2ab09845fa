package dev.khabar.model.testing;

import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.khabar.model.Json;

/** Validates records against the JSON Schemas shipped in article-model ({@code schemas/TOPIC.schema.json}). */
public final class SchemaValidator {

    private static final String BASE = "https://khabar.dev/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private SchemaValidator() {
    }

    /** The problems of {@code record} (a record object or a JsonNode) against the schema of {@code topic}. */
    public static Set<String> problems(String topic, Object record) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + topic + ".schema.json"), CONFIG);
        JsonNode node = record instanceof JsonNode json ? json : Json.mapper().valueToTree(record);
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
