package dev.khabar.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time and peak resident memory of a Linux process and of its threads, read from {@code /proc}: each thread's
 * CPU time is grouped under its name with digits dropped (Java names the native thread with the first 15
 * characters of the Java thread's name), so the groups show where a service's CPU goes (stream thread, client
 * network threads, GC, JIT).
 */
final class ProcessStats {

    /** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on every Linux kernel Java runs on). */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private ProcessStats() {
    }

    /** User + system CPU seconds of the process so far, or -1 where /proc is not there. */
    static double cpuSeconds(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds so far per thread-name group (digits removed), or an empty map where /proc is not there. */
    static Map<String, Double> cpuSecondsByThreadGroup(long pid) {
        Map<String, Double> groups = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    groups.merge(group(name), ticks(stat) / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException threadGone) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    /** Differences of two group maps (threads that ended in between are lost; their time is in the process total). */
    static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new HashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
        return delta;
    }

    static String group(String threadName) {
        String name = threadName.replaceAll("[0-9]+", "#").trim();
        if (name.startsWith("C# CompilerThre") || name.startsWith("C# CompilerThread")) {
            return "jit";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G# ") || name.startsWith("VM Thread")) {
            return "gc+vm";
        }
        if (name.startsWith("kafka-producer-")) {
            return "kafka-producer-network";
        }
        return name;
    }

    /** VmHWM (peak resident set) in MB, or -1 where /proc is not there. */
    static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Heap figures from a {@code -Xlog:gc:file=...} log: {@code [peak used before a GC, largest live set after a GC,
     * committed heap]} in MB, or nulls if no GC ran.
     */
    static long[] heapFromGcLog(Path gcLog) {
        long peak = -1;
        long live = -1;
        long committed = -1;
        try {
            List<String> lines = Files.readAllLines(gcLog);
            for (String line : lines) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                    live = Math.max(live, Long.parseLong(m.group(2)));
                    committed = Math.max(committed, Long.parseLong(m.group(3)));
                }
            }
        } catch (IOException e) {
            return new long[] {-1, -1, -1};
        }
        return new long[] {peak, live, committed};
    }

    private static long ticks(String stat) {
        // fields after the ")" closing the name: state is field 3; utime and stime are fields 14 and 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
