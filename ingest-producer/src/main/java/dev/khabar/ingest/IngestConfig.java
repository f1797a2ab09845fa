package dev.khabar.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;

import dev.khabar.model.CommonSettings;
import dev.khabar.model.ConfigLoader;

/** The ingest-producer service's settings, parsed and validated once at start-up. */
public record IngestConfig(CommonSettings common, Path inbox, Path done, Path failed, Duration pollInterval,
                           Duration minFileAge, long maxFileBytes, boolean walkSubfolders) {

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
    public static final String WALK_SUBFOLDERS_DOC = "Also ingest files in folders below the inbox.";

    public static final ConfigDef DEFINITION = CommonSettings.define(new ConfigDef())
            .define(INBOX_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, INBOX_DIR_DOC)
            .define(DONE_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM, DONE_DIR_DOC)
            .define(FAILED_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM, FAILED_DIR_DOC)
            .define(POLL_INTERVAL_MS_CONFIG, ConfigDef.Type.LONG, 500L, ConfigDef.Range.between(10, 3_600_000),
                    ConfigDef.Importance.LOW, POLL_INTERVAL_MS_DOC)
            .define(MIN_FILE_AGE_MS_CONFIG, ConfigDef.Type.LONG, 1000L, ConfigDef.Range.atLeast(0),
                    ConfigDef.Importance.LOW, MIN_FILE_AGE_MS_DOC)
            .define(MAX_FILE_BYTES_CONFIG, ConfigDef.Type.LONG, 10L * 1024 * 1024, ConfigDef.Range.atLeast(1),
                    ConfigDef.Importance.MEDIUM, MAX_FILE_BYTES_DOC)
            .define(WALK_SUBFOLDERS_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW, WALK_SUBFOLDERS_DOC);

    public static IngestConfig load(Map<String, String> env, List<String> args) {
        Map<String, Object> values = ConfigLoader.load(DEFINITION, env, args);
        CommonSettings common = CommonSettings.from(values, env);
        return new IngestConfig(common,
                folder(values, INBOX_DIR_CONFIG, common, "inbox"),
                folder(values, DONE_DIR_CONFIG, common, "done"),
                folder(values, FAILED_DIR_CONFIG, common, "failed"),
                Duration.ofMillis((Long) values.get(POLL_INTERVAL_MS_CONFIG)),
                Duration.ofMillis((Long) values.get(MIN_FILE_AGE_MS_CONFIG)),
                (Long) values.get(MAX_FILE_BYTES_CONFIG),
                (Boolean) values.get(WALK_SUBFOLDERS_CONFIG));
    }

    private static Path folder(Map<String, Object> values, String key, CommonSettings common, String name) {
        Object value = values.get(key);
        return value != null ? Path.of((String) value).toAbsolutePath().normalize() : common.workdir().resolve(name);
    }
}
