package dev.khabar.ingest;

import java.util.Map;

/** The inbox counters as a JMX MBean ({@code dev.khabar:type=IngestCounters,inbox="..."}). */
public interface IngestCountersMBean {

    /** Files found in the inbox, each counted once however often its publication is retried. */
    long getSeenFiles();

    long getPublishedFiles();

    long getPublishedRecords();

    /** Bytes of the files published. */
    long getPublishedBytes();

    long getFailedFiles();

    /** Failed files by reason code. */
    Map<String, Long> getFailedByReason();

    /** Times a file went back to the inbox because the broker did not acknowledge it. */
    long getPublishRetries();

    /** Files found half-done in {@code .processing/} at start-up and put back into the inbox. */
    long getReclaimedFiles();
}
