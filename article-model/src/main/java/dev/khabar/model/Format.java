package dev.khabar.model;

import java.util.Locale;

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

    /** The format named by a file name's extension: txt, md, html or htm, json; null for any other name. */
    public static Format ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return switch (dot < 0 ? "" : lower.substring(dot + 1)) {
            case "txt" -> TEXT;
            case "md" -> MARKDOWN;
            case "html", "htm" -> HTML;
            case "json" -> JSON;
            default -> null;
        };
    }
}
