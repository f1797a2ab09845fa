package dev.khabar.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a file went to {@code failed/}: stable codes users can script against. */
public enum RejectReason {
    TOO_LARGE, NOT_TEXT, EMPTY, UNSUPPORTED_TYPE, DECODE_ERROR, INVALID_JSON, UNREADABLE, OUTSIDE_INBOX;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
