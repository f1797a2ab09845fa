package dev.khabar.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of the inbox, logged at a steady interval. */
final class IngestCounters {

    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong publishedFiles = new AtomicLong();
    private final AtomicLong publishedRecords = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<RejectReason, AtomicLong> failed = new EnumMap<>(RejectReason.class);

    IngestCounters() {
        for (RejectReason reason : RejectReason.values()) {
            failed.put(reason, new AtomicLong());
        }
    }

    void seen() {
        seen.incrementAndGet();
    }

    void published(int records, long fileBytes) {
        publishedFiles.incrementAndGet();
        publishedRecords.addAndGet(records);
        bytes.addAndGet(fileBytes);
    }

    void failed(RejectReason reason) {
        failed.get(reason).incrementAndGet();
    }

    long publishedFiles() {
        return publishedFiles.get();
    }

    long failedCount(RejectReason reason) {
        return failed.get(reason).get();
    }

    @Override
    public String toString() {
        StringBuilder reasons = new StringBuilder();
        failed.forEach((reason, count) -> {
            if (count.get() > 0) {
                reasons.append(reasons.length() == 0 ? "" : ", ").append(reason.code()).append('=').append(count.get());
            }
        });
        return "seen=" + seen.get() + " published_files=" + publishedFiles.get() + " published_records="
                + publishedRecords.get() + " bytes=" + bytes.get() + " failed={" + reasons + "}";
    }
}
