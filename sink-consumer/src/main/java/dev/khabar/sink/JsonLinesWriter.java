package dev.khabar.sink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Json;

/**
 * Appends the articles of each partition to {@code OUT/YYYY/MM/DD/enriched-<partition>-<first offset>.jsonl}, one
 * compact JSON object per line. A file is built as a hidden temporary file and published (forced to disk, then
 * renamed) when it reaches the size limit, gets old, its next article has another ingest day, or the partition
 * is handed over; only then are its offsets reported as safe to commit.
 *
 * <p>A replay after a crash between the rename and the offset commit starts again at the same first offset. If
 * that file already exists, its line count fixes where the new copy ends, so the rewrite is byte for byte the
 * same file instead of a differently cut one.
 */
final class JsonLinesWriter {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesWriter.class);

    private final Path outDir;
    private final long rollBytes;
    private final Duration rollAfter;
    private final Clock clock;
    private final ObjectWriter json = Json.mapper().writer();
    private final Map<Integer, Segment> open = new HashMap<>();

    JsonLinesWriter(Path outDir, long rollBytes, Duration rollAfter, Clock clock) {
        this.outDir = outDir;
        this.rollBytes = rollBytes;
        this.rollAfter = rollAfter;
        this.clock = clock;
    }

    static String fileName(int partition, long firstOffset) {
        return "enriched-" + partition + "-" + firstOffset + ".jsonl";
    }

    /**
     * Adds one article.
     *
     * @return the offset to commit for {@code partition} when this call published a file, else {@code -1}
     */
    long append(int partition, long offset, EnrichedArticle article, long recordTimestamp) throws IOException {
        LocalDate day = OutputLayout.ingestDate(article, recordTimestamp);
        long committable = -1;
        Segment segment = open.get(partition);
        if (segment != null && !segment.day.equals(day)) {
            committable = publish(segment);
            segment = null;
        }
        if (segment == null) {
            segment = start(partition, offset, day);
        }
        segment.add(offset, (json.writeValueAsString(article) + "\n").getBytes(StandardCharsets.UTF_8));
        boolean full = segment.expectedLines >= 0 ? segment.lines >= segment.expectedLines : segment.bytes >= rollBytes;
        if (full) {
            committable = publish(segment);
        }
        return committable;
    }

    /** Publishes every file older than the time limit; returns the offsets to commit by partition. */
    Map<Integer, Long> publishDue() throws IOException {
        Instant now = clock.instant();
        Map<Integer, Long> committable = new HashMap<>();
        for (Segment segment : new ArrayList<>(open.values())) {
            if (segment.expectedLines < 0 && !now.isBefore(segment.openedAt.plus(rollAfter))) {
                committable.put(segment.partition, publish(segment));
            }
        }
        return committable;
    }

    /**
     * Publishes the open files of {@code partitions} (on hand-over or shutdown). A file that is re-creating an
     * existing one and is not yet complete is dropped instead: the existing file stays and the next owner of the
     * partition completes it.
     */
    Map<Integer, Long> publish(Collection<Integer> partitions) throws IOException {
        Map<Integer, Long> committable = new HashMap<>();
        for (Integer partition : partitions) {
            Segment segment = open.get(partition);
            if (segment == null) {
                continue;
            }
            if (segment.expectedLines >= 0) {
                abandon(List.of(partition));
            } else {
                committable.put(partition, publish(segment));
            }
        }
        return committable;
    }

    /** The first offset of the open file of {@code partition}, or {@code -1}. */
    long firstOpenOffset(int partition) {
        Segment segment = open.get(partition);
        return segment != null ? segment.firstOffset : -1;
    }

    Collection<Integer> openPartitions() {
        return List.copyOf(open.keySet());
    }

    /** Drops the unpublished files of partitions this sink no longer owns; their records will be read again. */
    void abandon(Collection<Integer> partitions) {
        for (Integer partition : partitions) {
            Segment segment = open.remove(partition);
            if (segment != null) {
                segment.closeQuietly();
                try {
                    Files.deleteIfExists(segment.tmp);
                } catch (IOException e) {
                    LOG.warn("Cannot delete {}: {}", segment.tmp, e.toString());
                }
            }
        }
    }

    private Segment start(int partition, long offset, LocalDate day) throws IOException {
        Path target = outDir.resolve(OutputLayout.datePath(day)).resolve(fileName(partition, offset));
        long expected = -1;
        if (Files.exists(target)) {
            expected = countLines(target);
            LOG.info("{} already exists with {} lines (published before a crash); rewriting it identically", target,
                    expected);
        }
        Files.createDirectories(target.getParent());
        Segment segment = new Segment(partition, offset, day, target, expected, clock.instant());
        open.put(partition, segment);
        return segment;
    }

    private long publish(Segment segment) throws IOException {
        segment.channel.force(true);
        segment.channel.close();
        DurableFile.publish(segment.tmp, segment.target);
        open.remove(segment.partition);
        LOG.info("Published {} ({} articles, offsets {}..{} of partition {})", segment.target, segment.lines,
                segment.firstOffset, segment.lastOffset, segment.partition);
        return segment.lastOffset + 1;
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static final class Segment {
        final int partition;
        final long firstOffset;
        final LocalDate day;
        final Path target;
        final Path tmp;
        final long expectedLines;
        final Instant openedAt;
        final FileChannel channel;
        long lastOffset;
        long lines;
        long bytes;

        Segment(int partition, long firstOffset, LocalDate day, Path target, long expectedLines, Instant openedAt)
                throws IOException {
            this.partition = partition;
            this.firstOffset = firstOffset;
            this.day = day;
            this.target = target;
            this.tmp = DurableFile.temporaryFor(target);
            this.expectedLines = expectedLines;
            this.openedAt = openedAt;
            this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }

        void add(long offset, byte[] line) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            lastOffset = offset;
            lines++;
            bytes += line.length;
        }

        void closeQuietly() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
        }
    }
}
