package dev.khabar.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Figures of one run.
 *
 * @param sent     articles put in
 * @param received articles that came out
 * @param seconds  from the first article in to the last one out
 */
record RunResult(int sent, int received, long bytes, double seconds, List<Double> latenciesMs) {

    double articlesPerSecond() {
        return seconds > 0 ? received / seconds : 0;
    }

    double megabytesPerSecond() {
        return seconds > 0 ? bytes / 1e6 / seconds : 0;
    }

    double percentile(double p) {
        if (latenciesMs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
