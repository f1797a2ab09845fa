package dev.khabar.ingest;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Running totals of the inbox, logged at a steady interval and exposed over JMX and as Micrometer counters. */
final class IngestCounters implements IngestCountersMBean, MeterBinder {

    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong publishedFiles = new AtomicLong();
    private final AtomicLong publishedRecords = new AtomicLong();
    private final AtomicLong publishedBytes = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong reclaimed = new AtomicLong();
    private final Map<RejectReason, AtomicLong> failed = new EnumMap<>(RejectReason.class);

    IngestCounters() {
        for (RejectReason reason : RejectReason.values()) {
            failed.put(reason, new AtomicLong());
        }
    }

    /** The same totals as counters ({@code khabar_ingest_files_seen_total} and so on), read when scraped. */
    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "khabar.ingest.files.seen", "Files found in the inbox, each counted once", seen, null);
        counter(registry, "khabar.ingest.files.published", "Files published and moved to done/", publishedFiles, null);
        counter(registry, "khabar.ingest.records.published", "Articles published to articles.raw", publishedRecords, null);
        counter(registry, "khabar.ingest.published", "Bytes of the files published", publishedBytes, BaseUnits.BYTES);
        counter(registry, "khabar.ingest.publish.retries", "Files put back into the inbox because the broker did not "
                + "acknowledge them", retries, null);
        counter(registry, "khabar.ingest.files.reclaimed", "Files an interrupted run left in .processing/", reclaimed, null);
        failed.forEach((reason, count) -> FunctionCounter.builder("khabar.ingest.files.failed", count, AtomicLong::get)
                .description("Files moved to failed/, by reason").tag("reason", reason.code())
                .register(registry));
    }

    private static void counter(MeterRegistry registry, String name, String description, AtomicLong value, String unit) {
        FunctionCounter.builder(name, value, AtomicLong::get).description(description).baseUnit(unit).register(registry);
    }

    void seen() {
        seen.incrementAndGet();
    }

    void published(int records, long fileBytes) {
        publishedFiles.incrementAndGet();
        publishedRecords.addAndGet(records);
        publishedBytes.addAndGet(fileBytes);
    }

    void failed(RejectReason reason) {
        failed.get(reason).incrementAndGet();
    }

    void retried() {
        retries.incrementAndGet();
    }

    void reclaimed(int files) {
        reclaimed.addAndGet(files);
    }

    @Override
    public long getSeenFiles() {
        return seen.get();
    }

    @Override
    public long getPublishedFiles() {
        return publishedFiles.get();
    }

    @Override
    public long getPublishedRecords() {
        return publishedRecords.get();
    }

    @Override
    public long getPublishedBytes() {
        return publishedBytes.get();
    }

    @Override
    public long getFailedFiles() {
        return failed.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public Map<String, Long> getFailedByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        failed.forEach((reason, count) -> {
            if (count.get() > 0) {
                byReason.put(reason.code(), count.get());
            }
        });
        return byReason;
    }

    long failedCount(RejectReason reason) {
        return failed.get(reason).get();
    }

    @Override
    public long getPublishRetries() {
        return retries.get();
    }

    @Override
    public long getReclaimedFiles() {
        return reclaimed.get();
    }

    @Override
    public String toString() {
        return "seen=" + seen.get() + " published_files=" + publishedFiles.get() + " published_records="
                + publishedRecords.get() + " published_bytes=" + publishedBytes.get() + " failed=" + getFailedFiles()
                + " " + getFailedByReason() + " publish_retries=" + retries.get() + " reclaimed=" + reclaimed.get();
    }
}
