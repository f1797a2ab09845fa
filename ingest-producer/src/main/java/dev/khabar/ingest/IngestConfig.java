package dev.khabar.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.khabar.model.CommonSettings;
import dev.khabar.model.ConfigLoader;

/**
 * The ingest-producer service's settings, parsed and validated once at start-up.
 *
 * @param once              the folder to publish once and exit ({@code --once DIR}), or null to watch the inbox;
 *                          when set it is also {@link #inbox()}
 * @param onceBrokerTimeout how long a backfill waits for an unreachable broker before it gives up
 */
public record IngestConfig(CommonSettings common, Path inbox, Path done, Path failed, Duration pollInterval,
                           Duration minFileAge, long maxFileBytes, boolean walkSubfolders, int maxFilesPerPass,
                           Duration countersLogInterval, Path once, Duration onceBrokerTimeout) {

    public static final String INBOX_DIR_CONFIG = "inbox.dir";
    public static final String INBOX_DIR_DOC = "Folder watched for new files; default WORKDIR/inbox.";
    public static final String DONE_DIR_CONFIG = "done.dir";
    public static final String DONE_DIR_DOC = "Where published files are moved; default WORKDIR/done.";
    public static final String FAILED_DIR_CONFIG = "failed.dir";
    public static final String FAILED_DIR_DOC = "Where rejected files are moved with NAME.error.json; default WORKDIR/failed.";
    public static final String POLL_INTERVAL_MS_CONFIG = "poll.interval.ms";
    public static final String POLL_INTERVAL_MS_DOC = "How often the inbox is scanned.";
    public static final String MIN_FILE_AGE_MS_CONFIG = "min.file.age.ms";
    public static final String MIN_FILE_AGE_MS_DOC = "A file is read only once unchanged for two scans and at least this old.";
    public static final String MAX_FILE_BYTES_CONFIG = "max.file.bytes";
    public static final String MAX_FILE_BYTES_DOC = "Larger files are rejected as too_large.";
    public static final String WALK_SUBFOLDERS_CONFIG = "walk.subfolders";
    public static final String WALK_SUBFOLDERS_DOC = "Also ingest files in folders below the inbox (else they are left alone).";
    public static final String MAX_FILES_PER_PASS_CONFIG = "max.files.per.pass";
    public static final String MAX_FILES_PER_PASS_DOC = "At most this many files are taken per scan, so a burst is drained in bounded batches.";
    public static final String COUNTERS_LOG_INTERVAL_MS_CONFIG = "counters.log.interval.ms";
    public static final String COUNTERS_LOG_INTERVAL_MS_DOC = "How often the counters (seen, published, failed by reason, bytes) are logged.";
    public static final String ONCE_CONFIG = "once";
    public static final String ONCE_DOC = "Backfill: publish every file of this folder once, print a summary and exit (--once DIR).";
    public static final String ONCE_BROKER_TIMEOUT_MS_CONFIG = "once.broker.timeout.ms";
    public static final String ONCE_BROKER_TIMEOUT_MS_DOC = "Backfill: how long the broker may stay unreachable (name not "
            + "resolving, connection refused, no answer) before the backfill exits with code 1, leaving the files it has "
            + "not published in the folder; 0 gives up after the first failed attempt.";

    public static final ConfigDef DEFINITION = CommonSettings.define(new ConfigDef())
            .define(INBOX_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, INBOX_DIR_DOC)
            .define(DONE_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM, DONE_DIR_DOC)
            .define(FAILED_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM, FAILED_DIR_DOC)
            .define(POLL_INTERVAL_MS_CONFIG, ConfigDef.Type.LONG, 500L, ConfigDef.Range.between(10, 3_600_000),
                    ConfigDef.Importance.LOW, POLL_INTERVAL_MS_DOC)
            .define(MIN_FILE_AGE_MS_CONFIG, ConfigDef.Type.LONG, 1000L, ConfigDef.Range.atLeast(0),
                    ConfigDef.Importance.LOW, MIN_FILE_AGE_MS_DOC)
            .define(MAX_FILE_BYTES_CONFIG, ConfigDef.Type.LONG, 10L * 1024 * 1024,
                    ConfigDef.Range.between(1, 512L * 1024 * 1024), ConfigDef.Importance.MEDIUM, MAX_FILE_BYTES_DOC)
            .define(WALK_SUBFOLDERS_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW, WALK_SUBFOLDERS_DOC)
            .define(MAX_FILES_PER_PASS_CONFIG, ConfigDef.Type.INT, 500, ConfigDef.Range.between(1, 100_000),
                    ConfigDef.Importance.LOW, MAX_FILES_PER_PASS_DOC)
            .define(COUNTERS_LOG_INTERVAL_MS_CONFIG, ConfigDef.Type.LONG, 30_000L,
                    ConfigDef.Range.between(100, 86_400_000), ConfigDef.Importance.LOW, COUNTERS_LOG_INTERVAL_MS_DOC)
            .define(ONCE_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW, ONCE_DOC)
            .define(ONCE_BROKER_TIMEOUT_MS_CONFIG, ConfigDef.Type.LONG, 300_000L, ConfigDef.Range.between(0, 86_400_000),
                    ConfigDef.Importance.LOW, ONCE_BROKER_TIMEOUT_MS_DOC);

    public static IngestConfig load(Map<String, String> env, List<String> args) {
        Map<String, Object> values = ConfigLoader.load(DEFINITION, env, args);
        CommonSettings common = CommonSettings.from(values, env);
        Path once = values.get(ONCE_CONFIG) == null ? null
                : Path.of((String) values.get(ONCE_CONFIG)).toAbsolutePath().normalize();
        IngestConfig config = new IngestConfig(common,
                once != null ? once : folder(values, INBOX_DIR_CONFIG, common, "inbox"),
                folder(values, DONE_DIR_CONFIG, common, "done"),
                folder(values, FAILED_DIR_CONFIG, common, "failed"),
                Duration.ofMillis((Long) values.get(POLL_INTERVAL_MS_CONFIG)),
                Duration.ofMillis((Long) values.get(MIN_FILE_AGE_MS_CONFIG)),
                (Long) values.get(MAX_FILE_BYTES_CONFIG),
                (Boolean) values.get(WALK_SUBFOLDERS_CONFIG),
                (Integer) values.get(MAX_FILES_PER_PASS_CONFIG),
                Duration.ofMillis((Long) values.get(COUNTERS_LOG_INTERVAL_MS_CONFIG)),
                once,
                Duration.ofMillis((Long) values.get(ONCE_BROKER_TIMEOUT_MS_CONFIG)));
        config.checkFolders();
        return config;
    }

    /** done/ and failed/ inside the inbox would be ingested again; the inbox inside either would be a loop. */
    private void checkFolders() {
        List<String> problems = new ArrayList<>();
        for (Path out : List.of(done, failed)) {
            if (out.startsWith(inbox) || inbox.startsWith(out)) {
                problems.add(out + " and the inbox " + inbox + " must not be inside one another");
            }
        }
        if (done.equals(failed)) {
            problems.add("done.dir and failed.dir must differ (both are " + done + ")");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid configuration:\n  " + String.join("\n  ", problems));
        }
    }

    private static Path folder(Map<String, Object> values, String key, CommonSettings common, String name) {
        Object value = values.get(key);
        return value != null ? Path.of((String) value).toAbsolutePath().normalize() : common.workdir().resolve(name);
    }
}
