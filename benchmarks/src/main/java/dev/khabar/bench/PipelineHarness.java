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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import dev.khabar.local.LocalStack;
import dev.khabar.model.ArticleIds;
import dev.khabar.model.Json;

/**
 * The end-to-end benchmark: starts an embedded broker and the three services, each service in its own JVM with
 * {@code -Xmx512m} (or all in this JVM with {@code --processes false}), measures the broker-only baseline, warms the
 * pipeline up on other articles, then drops N real articles into the inbox, as fast as possible or at a fixed rate,
 * and reports articles/s, MB/s, the latency from file drop to sink write split into hops, and CPU, peak RSS and heap
 * per process, with the ratio to the baseline. Run it with {@code java -cp benchmarks/target/benchmarks.jar
 * dev.khabar.bench.PipelineHarness --articles FILE.jsonl.gz --count 2000 [--rate 100]}; it prints one JSON line last.
 */
public final class PipelineHarness {

    private static final String INGEST_MAIN = "dev.khabar.ingest.IngestApp";
    private static final String ENRICH_MAIN = "dev.khabar.enrich.EnrichApp";
    private static final String SINK_MAIN = "dev.khabar.sink.SinkApp";
    /** The harness drops files by rename, so they are complete at once: no minimum age, a short scan interval. */
    private static final List<String> INGEST_SETTINGS = List.of("--min.file.age.ms=0", "--poll.interval.ms=50");

    private PipelineHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int count = Integer.parseInt(options.getOrDefault("count", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "300"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
        boolean processes = Boolean.parseBoolean(options.getOrDefault("processes", "true"));
        List<String> serviceJvm = words(options.getOrDefault("service-jvm-args", "-Xmx512m"));
        List<String> enrichJvm = words(options.getOrDefault("enrich-jvm-args", ""));
        List<String> extra = words(options.getOrDefault("settings", ""));
        List<String> env = words(options.getOrDefault("env", ""));
        Duration stall = Duration.ofSeconds(Long.parseLong(options.getOrDefault("stall-timeout-s", "120")));
        System.setProperty(ArticleSamples.ARTICLES_PROPERTY, options.getOrDefault("articles", "seeds"));
        System.setProperty(ArticleSamples.LIMIT_PROPERTY, Integer.toString(count + warmup));
        List<byte[]> all = ArticleSamples.load().stream().map(a -> a.content().getBytes(StandardCharsets.UTF_8)).toList();
        List<byte[]> files = all.subList(0, Math.min(count, all.size()));
        List<byte[]> warmupFiles = all.subList(files.size(), all.size());
        Path workdir = options.containsKey("workdir") ? Path.of(options.get("workdir")).toAbsolutePath()
                : Files.createTempDirectory("khabar-bench");
        System.out.printf("Khabar end-to-end benchmark: %d articles (%.1f MB) from %s after %d warm-up articles, rate %s, "
                        + "%d partitions, %d cores, services %s, load average %s%n",
                files.size(), files.stream().mapToLong(b -> b.length).sum() / 1e6, options.getOrDefault("articles", "seeds"),
                warmupFiles.size(), rate > 0 ? rate + "/s" : "as fast as possible", partitions,
                Runtime.getRuntime().availableProcessors(), processes ? "in their own JVMs " + serviceJvm : "in this JVM",
                loadAverage());

        List<String> settings = new ArrayList<>(INGEST_SETTINGS);
        extra.forEach(a -> settings.add("--" + a.substring(a.indexOf(':') + 1)));
        LocalStack.Options stackOptions = new LocalStack.Options(workdir, freePort(), freePort(), partitions, processes);
        List<ServiceProcess> services = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(stackOptions, processes ? List.of() : settings)) {
            String bootstrap = stack.bootstrapServers();
            RunResult baseline = BaselineRun.run(bootstrap, files, partitions, Duration.ofSeconds(600));
            report("baseline (produce + consume, no enrichment)", baseline);
            if (processes) {
                Path logs = Files.createDirectories(workdir.resolve("logs"));
                List<String> common = List.of("--workdir=" + workdir, "--bootstrap.servers=" + bootstrap,
                        "--topic.partitions=" + partitions);
                List<String> enrichArgs = new ArrayList<>(serviceJvm);
                enrichArgs.addAll(enrichJvm);
                services.add(ServiceProcess.start("enrich", ENRICH_MAIN, enrichArgs, concat(common, own(extra, "enrich")),
                        env(env, "enrich"), logs));
                services.add(ServiceProcess.start("sink", SINK_MAIN, serviceJvm, concat(common, own(extra, "sink")),
                        env(env, "sink"), logs));
                services.add(ServiceProcess.start("ingest", INGEST_MAIN, serviceJvm,
                        concat(common, concat(INGEST_SETTINGS, own(extra, "ingest"))), env(env, "ingest"), logs));
            }
            awaitTopics(bootstrap, HopTracker.TOPICS, Duration.ofSeconds(300));
            try (HopTracker tracker = new HopTracker(bootstrap)) {
                if (!warmupFiles.isEmpty()) {
                    Phase warm = drop(workdir, warmupFiles, rate, "warmup");
                    await(workdir, tracker, warm.dropped(), stall, services);
                    System.out.printf("warm-up: %d articles through (%d enriched, %d duplicates, %d dead letters)%n",
                            warmupFiles.size(), tracker.enriched(), tracker.duplicates(), tracker.deadLetters());
                }
                Map<String, Double> cpuBefore = cpu(services);
                Map<String, Map<String, Double>> groupsBefore = groups(services);
                Phase phase = drop(workdir, files, rate, "bench");
                boolean complete = await(workdir, tracker, warmupFiles.size() + phase.dropped(), stall, services);
                Map<String, Double> cpuSpent = minus(cpu(services), cpuBefore);
                Map<String, Map<String, Double>> groupsSpent = new LinkedHashMap<>();
                groups(services).forEach((k, v) -> groupsSpent.put(k, ProcessStats.minus(v, groupsBefore.get(k))));
                Map<String, Long> writtenAt = writtenAt(workdir.resolve("out"), phase.droppedAt().keySet());
                RunResult pipeline = result(phase, writtenAt);
                report("pipeline (inbox to out/)", pipeline);
                if (!complete) {
                    System.out.printf("INCOMPLETE: no progress for %d s; %d of %d articles accounted for%n",
                            stall.toSeconds(), tracker.accounted() - warmupFiles.size(), files.size());
                }
                Map<String, List<Double>> hops = tracker.hops(phase.droppedAt(), writtenAt);
                System.out.println("latency by hop (ms):               p50      p95      p99");
                Map<String, Object> hopJson = new LinkedHashMap<>();
                hops.forEach((hop, ms) -> {
                    RunResult r = new RunResult(0, ms.size(), 0, 0, ms);
                    System.out.printf("  %-70s %8.1f %8.1f %8.1f%n", hop, r.percentile(50), r.percentile(95), r.percentile(99));
                    hopJson.put(hop, Map.of("p50", round(r.percentile(50)), "p95", round(r.percentile(95)),
                            "p99", round(r.percentile(99))));
                });
                Map<String, Object> perProcess = new LinkedHashMap<>();
                for (String name : cpuSpent.keySet()) {
                    long pid = pid(name, services);
                    Map<String, Object> stats = new LinkedHashMap<>();
                    stats.put("cpu_seconds", round(cpuSpent.get(name)));
                    stats.put("cpu_ms_per_article", round(1000 * cpuSpent.get(name) / Math.max(1, files.size())));
                    stats.put("peak_rss_mb", ProcessStats.peakRssMb(pid));
                    long[] heap = name.equals("harness") ? new long[] {peakHeapMb(), -1, -1}
                            : ProcessStats.heapFromGcLog(gcLog(name, services));
                    stats.put("peak_heap_used_mb", heap[0]);
                    stats.put("max_live_heap_after_gc_mb", heap[1]);
                    stats.put("max_heap_committed_mb", heap[2]);
                    Map<String, Double> top = top(groupsSpent.get(name), 6);
                    stats.put("cpu_seconds_by_thread_group", top);
                    perProcess.put(name, stats);
                    System.out.printf("%-8s CPU %6.1f s (%5.2f ms/article), peak RSS %5d MB, heap peak used %4d MB, "
                                    + "live after GC %4d MB; threads: %s%n", name, cpuSpent.get(name),
                            1000 * cpuSpent.get(name) / Math.max(1, files.size()), stats.get("peak_rss_mb"), heap[0], heap[1], top);
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("task", "e2e");
                json.put("articles", files.size());
                json.put("complete", complete);
                json.put("outputs", pipeline.received());
                json.put("duplicates", tracker.duplicates());
                json.put("rate", rate);
                json.put("services", processes ? "processes " + String.join(" ", serviceJvm) : "one JVM");
                json.put("articles_per_second", round(pipeline.articlesPerSecond()));
                json.put("input_articles_per_second", round(phase.dropped() / Math.max(1e-3, pipeline.seconds())));
                json.put("mb_per_second", round(pipeline.megabytesPerSecond()));
                json.put("p50_ms", round(pipeline.percentile(50)));
                json.put("p95_ms", round(pipeline.percentile(95)));
                json.put("p99_ms", round(pipeline.percentile(99)));
                json.put("baseline_articles_per_second", round(baseline.articlesPerSecond()));
                json.put("baseline_p99_ms", round(baseline.percentile(99)));
                json.put("ratio_to_baseline", round(pipeline.articlesPerSecond() / baseline.articlesPerSecond()));
                json.put("hops_ms", hopJson);
                json.put("processes", perProcess);
                json.put("load_average", loadAverage());
                System.out.println(Json.mapper().writeValueAsString(json));
            }
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
        }
    }

    /** The files dropped in one phase: article id to the file's modification time, and the bytes dropped. */
    private record Phase(Map<String, Long> droppedAt, long bytes, int dropped, long startMillis) {
    }

    private static Phase drop(Path workdir, List<byte[]> files, double rate, String prefix) throws IOException {
        Path inbox = workdir.resolve("inbox");
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
            String name = String.format("%s-%06d.txt", prefix, i);
            Path hidden = inbox.resolve("." + name + ".tmp");
            Files.write(hidden, bytesOfFile);
            Path target = Files.move(hidden, inbox.resolve(name));
            droppedAt.putIfAbsent(ArticleIds.fromSha256(ArticleIds.sha256Hex(bytesOfFile)),
                    Files.getLastModifiedTime(target).toMillis());
            bytes += bytesOfFile.length;
        }
        return new Phase(droppedAt, bytes, files.size(), startMillis);
    }

    /** Waits until every dropped file came out of enrich and every enriched article is in out/; false on a stall. */
    private static boolean await(Path workdir, HopTracker tracker, int expected, Duration stall,
                                 List<ServiceProcess> services) throws IOException, InterruptedException {
        Path out = workdir.resolve("out");
        long progressAt = System.nanoTime();
        long lastProgress = -1;
        while (System.nanoTime() - progressAt < stall.toNanos()) {
            int accounted = tracker.accounted();
            int written = count(out);
            if (accounted >= expected && written >= tracker.enriched()) {
                return true;
            }
            for (ServiceProcess service : services) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name + " exited; see logs/" + service.name + ".log");
                }
            }
            if (accounted + written != lastProgress) {
                lastProgress = accounted + written;
                progressAt = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }

    private static Map<String, Long> writtenAt(Path out, java.util.Set<String> ids) throws IOException {
        Map<String, Long> written = new HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String id = file.getFileName().toString().replace(".json", "");
                if (ids.contains(id)) {
                    written.put(id, Files.getLastModifiedTime(file).toMillis());
                }
            }
        }
        return written;
    }

    private static RunResult result(Phase phase, Map<String, Long> writtenAt) {
        List<Double> latencies = new ArrayList<>();
        long lastWrite = phase.startMillis();
        for (Map.Entry<String, Long> written : writtenAt.entrySet()) {
            latencies.add((double) (written.getValue() - phase.droppedAt().get(written.getKey())));
            lastWrite = Math.max(lastWrite, written.getValue());
        }
        return new RunResult(phase.dropped(), latencies.size(), phase.bytes(), (lastWrite - phase.startMillis()) / 1e3,
                latencies);
    }

    private static void awaitTopics(String bootstrap, List<String> topics, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (!admin.listTopics().names().get().containsAll(topics)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The enrich service did not create its topics within " + timeout);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    /** CPU seconds so far of each service process and of this JVM (the broker and the harness's own threads). */
    private static Map<String, Double> cpu(List<ServiceProcess> services) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            cpu.put(service.name, ProcessStats.cpuSeconds(service.pid()));
        }
        cpu.put("harness", ProcessStats.cpuSeconds(ProcessHandle.current().pid()));
        return cpu;
    }

    private static Map<String, Map<String, Double>> groups(List<ServiceProcess> services) {
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            groups.put(service.name, ProcessStats.cpuSecondsByThreadGroup(service.pid()));
        }
        groups.put("harness", ProcessStats.cpuSecondsByThreadGroup(ProcessHandle.current().pid()));
        return groups;
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.get(k)));
        return delta;
    }

    private static Map<String, Double> top(Map<String, Double> groups, int n) {
        Map<String, Double> top = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.put(e.getKey(), round(e.getValue())));
        return top;
    }

    private static long pid(String name, List<ServiceProcess> services) {
        return services.stream().filter(s -> s.name.equals(name)).mapToLong(ServiceProcess::pid).findFirst()
                .orElse(ProcessHandle.current().pid());
    }

    private static Path gcLog(String name, List<ServiceProcess> services) {
        return services.stream().filter(s -> s.name.equals(name)).map(s -> s.gcLog).findFirst().orElseThrow();
    }

    /** The settings of {@code extra} meant for one service: {@code --SERVICE:key=value}, passed as {@code --key=value}. */
    private static List<String> own(List<String> extra, String service) {
        return extra.stream().filter(a -> a.startsWith("--" + service + ":"))
                .map(a -> "--" + a.substring(service.length() + 3)).toList();
    }

    /** Environment variables of {@code env} meant for one service: {@code SERVICE:KEY=VALUE}. */
    private static Map<String, String> env(List<String> env, String service) {
        Map<String, String> vars = new HashMap<>();
        env.stream().filter(e -> e.startsWith(service + ":")).map(e -> e.substring(service.length() + 1))
                .forEach(e -> vars.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
        return vars;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
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
