package dev.khabar.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Layers a service's settings: defaults &lt; properties file &lt; environment &lt; command-line flags,
 * then validates them all at once so every problem is reported together.
 *
 * <p>Environment variables are {@code KHABAR_} plus the key upper-cased with dots as underscores
 * ({@code inbox.dir} is {@code KHABAR_INBOX_DIR}); flags are {@code --inbox.dir=VALUE} or
 * {@code --inbox.dir VALUE}; {@code --config FILE} (or {@code KHABAR_CONFIG}) names a properties file.
 */
public final class ConfigLoader {

    public static final String ENV_PREFIX = "KHABAR_";
    public static final String CONFIG_FILE_FLAG = "config";

    private ConfigLoader() {
    }

    public static String environmentName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Returns the parsed, typed values of {@code def}, or throws one exception naming every problem. */
    public static Map<String, Object> load(ConfigDef def, Map<String, String> env, List<String> args) {
        Map<String, String> flags = parseFlags(args);
        Map<String, String> raw = new HashMap<>();
        String file = flags.getOrDefault(CONFIG_FILE_FLAG, env.get(ENV_PREFIX + "CONFIG"));
        if (file != null) {
            raw.putAll(readProperties(Path.of(file)));
        }
        for (String key : def.names()) {
            String value = env.get(environmentName(key));
            if (value != null) {
                raw.put(key, value);
            }
        }
        List<String> problems = new ArrayList<>();
        flags.forEach((key, value) -> {
            if (key.equals(CONFIG_FILE_FLAG)) {
                return;
            }
            if (!def.names().contains(key)) {
                problems.add("unknown option --" + key);
            } else {
                raw.put(key, value);
            }
        });
        for (ConfigValue value : def.validateAll(raw).values()) {
            for (String message : value.errorMessages()) {
                problems.add(value.name() + ": " + message);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("Invalid configuration:\n  " + String.join("\n  ", problems));
        }
        return def.parse(raw);
    }

    static Map<String, String> parseFlags(List<String> args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new ConfigException("Unexpected argument '" + arg + "'; options look like --key=value");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            if (eq >= 0) {
                flags.put(body.substring(0, eq), body.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                flags.put(body, args.get(++i));
            } else {
                flags.put(body, "true");
            }
        }
        return flags;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
