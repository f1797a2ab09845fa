package dev.khabar.model;

import java.time.Instant;
import java.util.Map;

/**
 * Which Khabar produced a record.
 *
 * @param models the version of each model used, by step (e.g. {@code ner.ar})
 */
public record Pipeline(String version, Instant enrichedAt, Map<String, String> models) {

    public Pipeline {
        models = models == null ? Map.of() : Map.copyOf(models);
    }
}
