package dev.khabar.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The Grafana dashboard file parses and every panel queries something; MetricsIT checks the names against scrapes. */
class DashboardQueriesTest {

    private static final Path DASHBOARD = Path.of("..", "monitoring", "grafana", "dashboards", "khabar.json");

    @Test
    void dashboardParsesAndEveryPanelHasAQueryReadingAKhabarOrKafkaMetric() {
        Map<String, List<String>> panels = DashboardQueries.read(DASHBOARD);
        assertTrue(panels.size() >= 7, panels.keySet().toString());
        panels.forEach((title, expressions) -> {
            assertFalse(expressions.isEmpty(), title + " has no query");
            for (String expression : expressions) {
                Set<String> names = DashboardQueries.metricNames(expression);
                assertFalse(names.isEmpty(), title + ": no metric in " + expression);
                assertTrue(names.stream().allMatch(n -> n.startsWith("khabar_") || n.startsWith("kafka_")),
                        title + ": " + names);
            }
        });
    }

    @Test
    void metricNamesLeaveOutFunctionsLabelsRangesAndGrouping() {
        assertEquals(Set.of("khabar_enrich_step_seconds_bucket"), DashboardQueries.metricNames(
                "histogram_quantile(0.95, sum by (le, step) (rate(khabar_enrich_step_seconds_bucket{service=\"enrich\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b_total"), DashboardQueries.metricNames(
                "sum(rate(a_total[5m])) / ignoring(kind) group_left sum without (kind) (b_total{kind=~\"exact|near\"}) > bool 0"));
        assertEquals(Set.of("khabar_sink_consumer_lag_records"),
                DashboardQueries.metricNames("max by (service) (khabar_sink_consumer_lag_records) offset 5m"));
    }
}
