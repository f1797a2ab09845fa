package dev.khabar.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The PromQL of a Grafana dashboard file, by panel title, and the metric names each expression reads. */
final class DashboardQueries {

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "and", "or", "unless", "inf", "nan", "le", "sum", "min", "max", "avg",
            "count", "topk", "bottomk", "quantile", "stddev", "stdvar", "count_values", "group");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private DashboardQueries() {
    }

    /** Every panel's expressions (rows' nested panels included), by panel title; fails if a panel has none. */
    static Map<String, List<String>> read(Path dashboard) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(dashboard.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + dashboard, e);
        }
        Map<String, List<String>> queries = new LinkedHashMap<>();
        collect(root.path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, Map<String, List<String>> queries) {
        for (JsonNode panel : panels) {
            if (panel.path("type").asText().equals("row")) {
                collect(panel.path("panels"), queries);
                continue;
            }
            List<String> expressions = new ArrayList<>();
            panel.path("targets").forEach(t -> {
                if (!t.path("expr").asText().isBlank()) {
                    expressions.add(t.path("expr").asText());
                }
            });
            queries.put(panel.path("title").asText(), expressions);
        }
    }

    /** The metric names an expression selects: identifiers that are neither functions, keywords nor labels. */
    static Set<String> metricNames(String promql) {
        String text = STRING.matcher(promql).replaceAll(" ");
        text = LABELS.matcher(text).replaceAll(" ");
        text = RANGE.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        text = VARIABLE.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String word = m.group(1);
            if (m.group(2) == null && !PROMQL_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                names.add(word);
            }
        }
        return names;
    }
}
