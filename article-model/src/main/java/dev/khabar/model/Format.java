package dev.khabar.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The shape of the text in a raw article, as ingest-producer recognised it. */
public enum Format {
    TEXT("text"), MARKDOWN("markdown"), HTML("html"), JSON("json");

    private final String wire;

    Format(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
