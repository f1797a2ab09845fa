package dev.khabar.sink;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;

import dev.khabar.model.CommonSettings;
import dev.khabar.model.ConfigLoader;

/** The sink-consumer service's settings, parsed and validated once at start-up. */
public record SinkConfig(CommonSettings common, Path outDir, String groupId) {

    public static final String OUT_DIR_CONFIG = "out.dir";
    public static final String OUT_DIR_DOC = "Folder the enriched articles are written to; default WORKDIR/out.";
    public static final String GROUP_ID_CONFIG = "group.id";
    public static final String GROUP_ID_DOC = "Consumer group of the sink; a new group rewrites every article.";

    public static final ConfigDef DEFINITION = CommonSettings.define(new ConfigDef())
            .define(OUT_DIR_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH, OUT_DIR_DOC)
            .define(GROUP_ID_CONFIG, ConfigDef.Type.STRING, "khabar-sink", new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.MEDIUM, GROUP_ID_DOC);

    public static SinkConfig load(Map<String, String> env, List<String> args) {
        Map<String, Object> values = ConfigLoader.load(DEFINITION, env, args);
        CommonSettings common = CommonSettings.from(values, env);
        Object out = values.get(OUT_DIR_CONFIG);
        return new SinkConfig(common,
                out != null ? Path.of((String) out).toAbsolutePath().normalize() : common.workdir().resolve("out"),
                (String) values.get(GROUP_ID_CONFIG));
    }
}
