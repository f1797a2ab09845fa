package dev.khabar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import dev.khabar.local.LocalStack;
import dev.khabar.model.ArticleIds;
import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;

/**
 * The end-to-end benchmark: starts the local stack (embedded broker and the three services in this JVM),
 * measures the broker-only baseline, then drops N real articles into the inbox, as fast as possible or at a fixed
 * rate, and reports articles/s, MB/s and the latency from file drop to sink write, with the ratio to the
 * baseline. Run it with {@code java -cp benchmarks/target/benchmarks.jar dev.khabar.bench.PipelineHarness
 * --articles FILE.jsonl.gz --count 2000 [--rate 100]}; it prints one JSON line last.
 */
public final class PipelineHarness {

    private PipelineHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int count = Integer.parseInt(options.getOrDefault("count", "1000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-s", "900")));
        System.setProperty(ArticleSamples.ARTICLES_PROPERTY, options.getOrDefault("articles", "seeds"));
        System.setProperty(ArticleSamples.LIMIT_PROPERTY, Integer.toString(count));
        List<RawArticle> articles = ArticleSamples.load();
        List<byte[]> files = articles.stream().map(a -> a.content().getBytes(StandardCharsets.UTF_8)).toList();
        Path workdir = options.containsKey("workdir") ? Path.of(options.get("workdir"))
                : Files.createTempDirectory("khabar-bench");
        System.out.printf("Khabar end-to-end benchmark: %d articles (%.1f MB) from %s, rate %s, %d partitions, %d cores%n",
                files.size(), files.stream().mapToLong(b -> b.length).sum() / 1e6, options.getOrDefault("articles", "seeds"),
                rate > 0 ? rate + "/s" : "as fast as possible", partitions, Runtime.getRuntime().availableProcessors());

        LocalStack.Options stackOptions = new LocalStack.Options(workdir, freePort(), freePort(), partitions, false);
        try (LocalStack stack = LocalStack.start(stackOptions, List.of("--min.file.age.ms=0", "--poll.interval.ms=50"))) {
            RunResult baseline = BaselineRun.run(stack.bootstrapServers(), files, partitions, timeout);
            report("baseline (produce + consume, no enrichment)", baseline);
            long cpuBefore = processCpuNanos();
            RunResult pipeline = pipeline(workdir, files, rate, timeout);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            report("pipeline (inbox to out/)", pipeline);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("task", "e2e");
            json.put("articles", files.size());
            json.put("outputs", pipeline.received());
            json.put("rate", rate);
            json.put("articles_per_second", round(pipeline.articlesPerSecond()));
            json.put("mb_per_second", round(pipeline.megabytesPerSecond()));
            json.put("p50_ms", round(pipeline.percentile(50)));
            json.put("p95_ms", round(pipeline.percentile(95)));
            json.put("p99_ms", round(pipeline.percentile(99)));
            json.put("baseline_articles_per_second", round(baseline.articlesPerSecond()));
            json.put("baseline_p99_ms", round(baseline.percentile(99)));
            json.put("ratio_to_baseline", round(pipeline.articlesPerSecond() / baseline.articlesPerSecond()));
            json.put("process_cpu_seconds", round(cpuSeconds));
            json.put("peak_rss_mb", peakRssMb());
            json.put("peak_heap_mb", peakHeapMb());
            System.out.printf("CPU %.1f s over %.1f s (one process: broker and three services); peak RSS %s MB; peak heap %s MB%n",
                    cpuSeconds, pipeline.seconds(), json.get("peak_rss_mb"), json.get("peak_heap_mb"));
            System.out.println(Json.mapper().writeValueAsString(json));
        }
    }

    private static RunResult pipeline(Path workdir, List<byte[]> files, double rate, Duration timeout)
            throws IOException, InterruptedException {
        Path inbox = workdir.resolve("inbox");
        Path out = workdir.resolve("out");
        Map<String, Long> droppedAt = new HashMap<>();
        long bytes = 0;
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        for (int i = 0; i < files.size(); i++) {
            if (rate > 0) {
                long due = start + (long) (i / rate * 1e9);
                LockSupport.parkNanos(due - System.nanoTime());
            }
            byte[] bytesOfFile = files.get(i);
            String name = String.format("bench-%06d.txt", i);
            Path hidden = inbox.resolve("." + name + ".tmp");
            Files.write(hidden, bytesOfFile);
            Files.move(hidden, inbox.resolve(name));
            droppedAt.putIfAbsent(ArticleIds.fromSha256(ArticleIds.sha256Hex(bytesOfFile)), System.currentTimeMillis());
            bytes += bytesOfFile.length;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastCount = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int done = count(workdir.resolve("done")) + count(workdir.resolve("failed"));
            int written = count(out);
            if (written != lastCount) {
                lastCount = written;
                stableSince = System.nanoTime();
            }
            boolean settled = System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(3);
            if (done >= files.size() && (written >= droppedAt.size() || settled)) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        List<Double> latencies = new ArrayList<>();
        long lastWrite = startMillis;
        try (Stream<Path> written = Files.list(out)) {
            for (Path file : written.filter(p -> p.toString().endsWith(".json")).toList()) {
                String id = file.getFileName().toString().replace(".json", "");
                Long dropped = droppedAt.get(id);
                if (dropped != null) {
                    long writtenAt = Files.getLastModifiedTime(file).toMillis();
                    latencies.add((double) (writtenAt - dropped));
                    lastWrite = Math.max(lastWrite, writtenAt);
                }
            }
        }
        return new RunResult(files.size(), latencies.size(), bytes, (lastWrite - startMillis) / 1e3, latencies);
    }

    private static void report(String what, RunResult result) {
        System.out.printf("%-45s %6d of %6d out in %7.2f s: %8.1f articles/s %6.2f MB/s  latency p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms%n",
                what, result.received(), result.sent(), result.seconds(), result.articlesPerSecond(),
                result.megabytesPerSecond(), result.percentile(50), result.percentile(95), result.percentile(99));
    }

    private static int count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** VmHWM of this process (Linux), or -1 where /proc is not there. */
    private static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }
}
