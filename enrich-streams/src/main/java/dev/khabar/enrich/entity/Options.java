package dev.khabar.enrich.entity;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} command-line options; a bare {@code --flag} is {@code true}. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(key, args[++i]);
            } else {
                values.put(key, "true");
            }
        }
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    String require(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing option --" + key);
        }
        return value;
    }

    int integer(String key, int fallback) {
        return Integer.parseInt(get(key, Integer.toString(fallback)));
    }

    boolean flag(String key, boolean fallback) {
        return Boolean.parseBoolean(get(key, Boolean.toString(fallback)));
    }
}
