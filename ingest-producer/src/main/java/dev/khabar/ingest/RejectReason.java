package dev.khabar.ingest;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a file went to {@code failed/}: stable codes users can script against (see docs/inbox.md). */
public enum RejectReason {
    /** Larger than {@code max.file.bytes}, or a record the broker refuses as too large. */
    TOO_LARGE,
    /** Binary: NUL bytes, or the magic number of an image, archive, PDF, executable or Office file. */
    NOT_TEXT,
    /** No bytes, only white space, a JSON Lines file without records, or a JSON article without text. */
    EMPTY,
    /** An extension other than .txt, .text, .md, .markdown, .html, .htm, .json, .jsonl, .ndjson. */
    UNSUPPORTED_TYPE,
    /** Too many undecodable byte sequences, or a charset that cannot be determined with confidence. */
    DECODE_ERROR,
    /** A .json file or a JSON Lines line that is not a JSON object. */
    INVALID_JSON,
    /** The operating system refused to read the file (permissions, I/O error); the message has its error. */
    UNREADABLE,
    /** A symbolic link: links are never followed, wherever they point. */
    OUTSIDE_INBOX;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
