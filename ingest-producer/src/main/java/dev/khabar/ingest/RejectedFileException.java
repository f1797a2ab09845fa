package dev.khabar.ingest;

/** A file that can never be published as it is (a data problem, not an I/O hiccup). */
final class RejectedFileException extends Exception {

    private final RejectReason reason;

    RejectedFileException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    RejectedFileException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }
}
