package dev.khabar.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import dev.khabar.enrich.EnrichConfig;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.model.ConfigLoader;
import dev.khabar.sink.SinkConfig;

/**
 * The README's configuration reference is generated from the definitions of the three services and of the local
 * stack; this test fails with the text to paste (also written to
 * {@code local-stack/target/configuration-reference.md}) when the two drift apart.
 */
class ConfigurationReferenceTest {

    private static final String BEGIN = "<!-- configuration-reference:begin -->";
    private static final String END = "<!-- configuration-reference:end -->";

    static String reference() {
        Map<String, ConfigDef> services = new LinkedHashMap<>();
        services.put("ingest-producer", IngestConfig.DEFINITION);
        services.put("enrich-streams", EnrichConfig.DEFINITION);
        services.put("sink-consumer", SinkConfig.DEFINITION);
        services.put("local-stack (khabar-local.jar)", LocalStackConfig.DEFINITION);
        StringBuilder md = new StringBuilder(BEGIN).append('\n');
        services.forEach((service, def) -> {
            md.append("\n#### ").append(service).append("\n\n");
            md.append("| key | environment | type | default | description |\n|---|---|---|---|---|\n");
            for (ConfigDef.ConfigKey key : def.configKeys().values()) {
                md.append("| `").append(key.name).append("` | `").append(ConfigLoader.environmentName(key.name))
                        .append("` | ").append(key.type.name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                        .append(key.hasDefault() && key.defaultValue != null ? "`" + Objects.toString(key.defaultValue) + "`" : "")
                        .append(" | ").append(key.documentation).append(" |\n");
            }
        });
        return md.append('\n').append(END).toString();
    }

    @Test
    void readmeListsEveryServiceSettingAsDefined() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md lacks the configuration reference markers");
        String actual = readme.substring(begin, end + END.length());
        String expected = reference();
        Path generated = Path.of("target", "configuration-reference.md");
        Files.writeString(generated, expected);
        assertTrue(actual.equals(expected), "README.md's configuration reference is out of date; replace it with "
                + generated.toAbsolutePath() + ":\n" + expected);
    }
}
