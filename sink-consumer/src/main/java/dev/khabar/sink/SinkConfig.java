package dev.khabar.sink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import dev.khabar.model.BrokerWatch;
import dev.khabar.model.CommonSettings;
import dev.khabar.model.ConfigLoader;

/** The sink-consumer service's settings, parsed and validated once at start-up. */
public record SinkConfig(CommonSettings common, Path outDir, String groupId, Format format, OutputLayout layout,
                         long rollBytes, Duration rollAfter, boolean mirrorDuplicates, boolean mirrorDlq,
                         Duration brokerUnreachableTimeout) {

    /** How articles are written. */
    public enum Format {
        /** One pretty-printed {@code <id>.json} per article. */
        JSON,
        /** {@code YYYY/MM/DD/enriched-<partition>-<first offset>.jsonl}, one article per line. */
        JSONL
    }

    public static final String OUT_DIR_CONFIG = "out.dir";
    public static final String OUT_DIR_DOC = "Folder the enriched articles are written to; default WORKDIR/out.";
    public static final String GROUP_ID_CONFIG = "group.id";
    public static final String GROUP_ID_DOC = "Consumer group of the sink; a new group rewrites every article.";
    public static final String OUT_FORMAT_CONFIG = "out.format";
    public static final String OUT_FORMAT_DOC = "json: one pretty OUT/ID.json per article; jsonl: OUT/YYYY/MM/DD/enriched-PARTITION-FIRSTOFFSET.jsonl files.";
    public static final String OUT_LAYOUT_CONFIG = "out.layout";
    public static final String OUT_LAYOUT_DOC = "json format: folders below OUT, any of date (YYYY/MM/DD of ingest) and language, in order; empty for none.";
    public static final String JSONL_ROLL_BYTES_CONFIG = "jsonl.roll.bytes";
    public static final String JSONL_ROLL_BYTES_DOC = "jsonl format: a file is closed once it holds this many bytes.";
    public static final String JSONL_ROLL_MS_CONFIG = "jsonl.roll.ms";
    public static final String JSONL_ROLL_MS_DOC = "jsonl format: a file is closed this long after its first article; its offsets are committed then.";
    public static final String MIRROR_DUPLICATES_CONFIG = "mirror.duplicates";
    public static final String MIRROR_DUPLICATES_DOC = "Also write each articles.duplicates record to OUT/_duplicates/ID-PARTITION-OFFSET.json.";
    public static final String MIRROR_DLQ_CONFIG = "mirror.dlq";
    public static final String MIRROR_DLQ_DOC = "Also write each articles.dlq record, headers and value as text, to OUT/_dlq/TOPIC-PARTITION-OFFSET.json.";

    public static final ConfigDef DEFINITION = BrokerWatch.define(CommonSettings.define(new ConfigDef()))
            .define(OUT_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, OUT_DIR_DOC)
            .define(GROUP_ID_CONFIG, ConfigDef.Type.STRING, "khabar-sink", new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.MEDIUM, GROUP_ID_DOC)
            .define(OUT_FORMAT_CONFIG, ConfigDef.Type.STRING, "json",
                    ConfigDef.CaseInsensitiveValidString.in("json", "jsonl"), ConfigDef.Importance.HIGH, OUT_FORMAT_DOC)
            .define(OUT_LAYOUT_CONFIG, ConfigDef.Type.LIST, "", SinkConfig::validateLayout,
                    ConfigDef.Importance.MEDIUM, OUT_LAYOUT_DOC)
            .define(JSONL_ROLL_BYTES_CONFIG, ConfigDef.Type.LONG, 16L * 1024 * 1024, ConfigDef.Range.atLeast(1),
                    ConfigDef.Importance.LOW, JSONL_ROLL_BYTES_DOC)
            .define(JSONL_ROLL_MS_CONFIG, ConfigDef.Type.LONG, 60_000L, ConfigDef.Range.between(10, 86_400_000),
                    ConfigDef.Importance.LOW, JSONL_ROLL_MS_DOC)
            .define(MIRROR_DUPLICATES_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
                    MIRROR_DUPLICATES_DOC)
            .define(MIRROR_DLQ_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW, MIRROR_DLQ_DOC);

    public static SinkConfig load(Map<String, String> env, List<String> args) {
        Map<String, Object> values = ConfigLoader.load(DEFINITION, env, args);
        CommonSettings common = CommonSettings.from(values, env);
        Object out = values.get(OUT_DIR_CONFIG);
        @SuppressWarnings("unchecked")
        List<String> layout = (List<String>) values.get(OUT_LAYOUT_CONFIG);
        return new SinkConfig(common,
                out != null ? Path.of((String) out).toAbsolutePath().normalize() : common.workdir().resolve("out"),
                (String) values.get(GROUP_ID_CONFIG),
                Format.valueOf(((String) values.get(OUT_FORMAT_CONFIG)).toUpperCase(Locale.ROOT)),
                new OutputLayout(layout.stream().map(OutputLayout.Part::parse).toList()),
                (Long) values.get(JSONL_ROLL_BYTES_CONFIG),
                Duration.ofMillis((Long) values.get(JSONL_ROLL_MS_CONFIG)),
                (Boolean) values.get(MIRROR_DUPLICATES_CONFIG),
                (Boolean) values.get(MIRROR_DLQ_CONFIG),
                BrokerWatch.unreachableTimeout(values));
    }

    private static void validateLayout(String name, Object value) {
        List<String> problems = new ArrayList<>();
        var seen = new HashSet<OutputLayout.Part>();
        for (Object part : (List<?>) value) {
            try {
                if (!seen.add(OutputLayout.Part.parse(part.toString()))) {
                    problems.add(part + " is given twice");
                }
            } catch (IllegalArgumentException e) {
                problems.add("'" + part + "' is neither date nor language");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(name, value, String.join("; ", problems));
        }
    }
}
