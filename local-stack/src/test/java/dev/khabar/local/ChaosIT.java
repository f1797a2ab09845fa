package dev.khabar.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.Json;
import dev.khabar.model.Topics;

/**
 * Crash safety end to end, with every part in its own process started from the packaged jars: a broker
 * ({@code khabar-local.jar --broker-only}), ingest-producer, enrich-streams and two sinks (one pretty file per
 * article; JSON Lines with small files and the duplicate/DLQ mirrors). A few hundred real articles plus exact
 * copies are dropped into the inbox while each process, the broker included, is killed with SIGKILL and
 * restarted when the run reaches points of progress drawn from a seeded random schedule. The outcome must equal a clean run's: each unique
 * article once in {@code articles.enriched} (read committed), once in {@code out/} and once in the JSON Lines
 * files, with the same content, and every inbox file in {@code done/} or {@code failed/}.
 *
 * <p>{@code -Dchaos.seeds=N} runs N seeds (default 1), starting at {@code -Dchaos.seed} (default 1). Logs of
 * every process are kept under {@code target/chaos/}.
 */
@Tag("chaos")
class ChaosIT {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosIT.class);

    private static final Path FIXTURE = Path.of("src", "test", "resources", "chaos", "articles.jsonl.gz");
    private static final Path RUNS = Path.of("target", "chaos");
    private static final int COPIES = 60;
    private static final int KILLS_PER_SERVICE = 3;
    private static final Duration DROP_SPACING = Duration.ofMillis(90);
    private static final Duration CHAOS_DEADLINE = Duration.ofMinutes(4);
    private static final Duration SETTLE_DEADLINE = Duration.ofMinutes(4);
    private static final Duration STABLE_FOR = Duration.ofSeconds(8);

    private static List<Drop> drops;
    private static Outcome clean;

    /** One file dropped into the inbox. */
    private record Drop(String name, byte[] bytes) {
    }

    /** What a run left behind. */
    private record Outcome(List<String> enrichedIds, Map<String, JsonNode> out, List<String> jsonlIds,
                           int jsonlFiles, int doneFiles, int failedFiles, int inboxFiles, int duplicateRecords,
                           int mirroredDuplicates, List<String> hiddenFiles, List<List<String>> duplicatePairs,
                           int dlqRecords) {
    }

    @BeforeAll
    static void cleanRun() throws Exception {
        drops = dropList();
        Files.createDirectories(RUNS);
        clean = run("clean", null);
        LOG.info("Clean run: {} enriched, {} files in out/, {} JSON Lines records, {} duplicate records",
                clean.enrichedIds().size(), clean.out().size(), clean.jsonlIds().size(), clean.duplicateRecords());
        assertEquals(Set.copyOf(clean.enrichedIds()).size(), clean.enrichedIds().size(), "clean run doubled an article");
        assertTrue(clean.out().size() >= 250, "the clean run must enrich most fixture articles: " + clean.out().size());
        assertEquals(drops.size(), clean.doneFiles() + clean.failedFiles());
        assertTrue(clean.duplicateRecords() >= COPIES, "every copy is a duplicate: " + clean.duplicateRecords());
    }

    @TestFactory
    Stream<DynamicTest> killingEveryProcessAtRandomMomentsLosesNothingAndDoublesNothing() {
        int seeds = Integer.getInteger("chaos.seeds", 1);
        long first = Long.getLong("chaos.seed", 1L);
        return seeds(first, seeds).map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Outcome chaos = run("seed-" + seed, new Random(seed));
            assertSameAsClean(chaos);
        }));
    }

    private static Stream<Long> seeds(long first, int count) {
        return IntStream.range(0, count).mapToObj(i -> first + i);
    }

    /**
     * Compares a chaos run with the clean run. Which member of a duplicate group arrives first depends on timing,
     * and near-duplicate similarity is not transitive, so a kill may change which copies are enriched; what must
     * not change is the accounting: every article the clean run saw is, exactly once, either enriched or recorded
     * as a duplicate of another article, no article is written twice, and an article enriched in both runs came
     * out the same.
     */
    private static void assertSameAsClean(Outcome chaos) {
        assertEquals(List.of(), repeated(chaos.enrichedIds()), "articles.enriched holds an article twice");
        assertEquals(List.of(), repeated(chaos.jsonlIds()), "the JSON Lines files hold an article twice");
        Set<String> enriched = new TreeSet<>(chaos.enrichedIds());
        assertEquals(enriched, new TreeSet<>(chaos.out().keySet()), "out/ differs from articles.enriched");
        assertEquals(enriched, new TreeSet<>(chaos.jsonlIds()), "the JSON Lines files differ from articles.enriched");
        Set<String> dropped = droppedAsCopies(chaos);
        Set<String> both = new TreeSet<>(enriched);
        both.retainAll(dropped);
        assertEquals(Set.of(), both, "articles both enriched and dropped as a copy of another article");
        Set<String> accounted = new TreeSet<>(enriched);
        accounted.addAll(dropped);
        Set<String> cleanAccounted = new TreeSet<>(clean.enrichedIds());
        cleanAccounted.addAll(droppedAsCopies(clean));
        assertEquals(cleanAccounted, accounted, "articles lost or invented compared with the clean run");
        for (String id : clean.out().keySet()) {
            if (chaos.out().containsKey(id)) {
                assertEquals(comparable(clean.out().get(id)), comparable(chaos.out().get(id)), "content of " + id);
            }
        }
        assertEquals(0, chaos.inboxFiles(), "files left in the inbox");
        assertEquals(drops.size(), chaos.doneFiles() + chaos.failedFiles(), "every dropped file in done/ or failed/");
        assertEquals(clean.failedFiles(), chaos.failedFiles(), "failed/ differs from the clean run");
        assertTrue(chaos.duplicateRecords() >= COPIES, "every copy must be caught: " + chaos.duplicateRecords());
        assertEquals(chaos.duplicateRecords(), chaos.mirroredDuplicates(), "each duplicate record mirrored once");
        assertEquals(List.of(), chaos.hiddenFiles(), "temporary files left in out/");
    }

    /** Ids recorded as a copy of another article (a re-published file is a copy of itself, not of another). */
    /** How many articles the outcome enriched or recorded as a copy of another, each once. */
    private static int accounted(Outcome outcome) {
        Set<String> ids = new HashSet<>(outcome.enrichedIds());
        ids.addAll(droppedAsCopies(outcome));
        return ids.size();
    }

    private static Set<String> droppedAsCopies(Outcome outcome) {
        Set<String> ids = new TreeSet<>();
        for (List<String> pair : outcome.duplicatePairs()) {
            if (!pair.get(0).equals(pair.get(1))) {
                ids.add(pair.get(0));
            }
        }
        return ids;
    }

    /** The enrichment result, without what depends on timing or on which copy came first. */
    private static JsonNode comparable(JsonNode article) {
        var copy = article.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("source", "pipeline"));
        return copy;
    }

    private static List<String> repeated(List<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + " x" + e.getValue()).toList();
    }

    // ---------------------------------------------------------------- a run

    private static Outcome run(String name, Random chaos) throws Exception {
        Path workdir = RUNS.resolve(name).toAbsolutePath();
        deleteRecursively(workdir);
        Path logs = workdir.resolve("logs");
        Files.createDirectories(logs);
        int kafkaPort = freePort();
        int controllerPort = freePort();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "KHABAR_WORKDIR", workdir.toString());

        Service broker = new Service("broker", logs, jar("local-stack", "khabar-local"), Map.of(),
                List.of("--workdir", workdir.toString(), "--broker-only", "--kafka-port", String.valueOf(kafkaPort),
                        "--controller-port", String.valueOf(controllerPort), "--partitions", "3"));
        Map<String, String> ingestEnv = with(common, "KHABAR_MIN_FILE_AGE_MS", "0", "KHABAR_POLL_INTERVAL_MS", "200");
        Service ingest = new Service("ingest", logs, jar("ingest-producer", "ingest-producer"), ingestEnv, List.of());
        Service enrich = new Service("enrich", logs, jar("enrich-streams", "enrich-streams"),
                with(common, "KAFKA_GROUP_INSTANCE_ID", "chaos-enrich"), List.of());
        Service sinkJson = new Service("sink-json", logs, jar("sink-consumer", "sink-consumer"),
                with(common, "KAFKA_GROUP_INSTANCE_ID", "chaos-sink-json", "KAFKA_SESSION_TIMEOUT_MS", "10000"),
                List.of());
        Service sinkJsonl = new Service("sink-jsonl", logs, jar("sink-consumer", "sink-consumer"),
                with(common, "KAFKA_GROUP_INSTANCE_ID", "chaos-sink-jsonl", "KAFKA_SESSION_TIMEOUT_MS", "10000",
                        "KHABAR_GROUP_ID", "khabar-sink-jsonl", "KHABAR_OUT_DIR", workdir.resolve("out-jsonl").toString(),
                        "KHABAR_OUT_FORMAT", "jsonl", "KHABAR_JSONL_ROLL_BYTES", "20000", "KHABAR_JSONL_ROLL_MS", "1500",
                        "KHABAR_MIRROR_DUPLICATES", "true", "KHABAR_MIRROR_DLQ", "true"),
                List.of());
        List<Service> services = List.of(ingest, enrich, sinkJson, sinkJsonl);
        List<Service> all = List.of(broker, ingest, enrich, sinkJson, sinkJsonl);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try {
            broker.start();
            awaitTopics(bootstrap, Duration.ofSeconds(120));
            services.forEach(Service::start);
            Path inbox = workdir.resolve("inbox");
            Files.createDirectories(inbox);
            CompletableFuture<Void> played = CompletableFuture.completedFuture(null);
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            if (chaos != null) {
                played = new ChaosPlayer(schedule(chaos, broker, services), workdir, events, scheduler).play();
            }
            long spacing = chaos != null ? DROP_SPACING.toMillis() : 5;
            List<ScheduledFuture<?>> dropped = new ArrayList<>();
            for (int i = 0; i < drops.size(); i++) {
                Drop drop = drops.get(i);
                dropped.add(scheduler.schedule(() -> dropInto(inbox, drop), i * spacing, TimeUnit.MILLISECONDS));
            }
            for (ScheduledFuture<?> drop : dropped) {
                drop.get();
            }
            played.get();
            if (chaos != null) {
                LOG.info("{}: chaos events {}", name, events);
            }
            for (Service service : all) {
                service.ensureRunning();
            }
            Outcome outcome = settle(workdir, bootstrap, name);
            for (Service service : services) {
                assertTrue(service.stopGracefully(Duration.ofSeconds(12)), service.name + " did not stop within 12 s");
            }
            return outcome;
        } finally {
            scheduler.shutdownNow();
            for (Service service : all) {
                service.kill();
            }
        }
    }

    private static Void dropInto(Path inbox, Drop drop) throws IOException {
        Path hidden = inbox.resolve("." + drop.name() + ".tmp");
        Files.write(hidden, drop.bytes());
        Files.move(hidden, inbox.resolve(drop.name()));
        return null;
    }

    /** Waits until the inbox is drained and the outputs stopped changing, then takes the outcome. */
    private static Outcome settle(Path workdir, String bootstrap, String name) throws Exception {
        AtomicReference<Outcome> last = new AtomicReference<>();
        AtomicReference<String> waitingFor = new AtomicReference<>("a first look");
        AtomicLong stableSince = new AtomicLong(System.nanoTime());
        try {
            await().atMost(SETTLE_DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Outcome now = outcome(workdir, bootstrap);
                boolean drained = now.inboxFiles() == 0 && now.doneFiles() + now.failedFiles() == drops.size();
                boolean enrichedAll = now.enrichedIds().size() + now.duplicateRecords() + now.dlqRecords()
                        >= now.doneFiles();
                boolean sunk = now.out().size() >= now.enrichedIds().size()
                        && now.jsonlIds().size() >= now.enrichedIds().size();
                // which copy of a near-duplicate group is enriched may change with timing (see assertSameAsClean),
                // so a chaos run has caught up when it accounts for every article the clean run did
                boolean caughtUp = enrichedAll && sunk && (clean == null || accounted(now) >= accounted(clean));
                Outcome before = last.getAndSet(now);
                waitingFor.set(String.format("drained=%b enrichedAll=%b sunk=%b caughtUp=%b (inbox %d, done %d,"
                        + " failed %d of %d dropped; enriched %d, duplicates %d, dlq %d; out %d, jsonl %d)", drained,
                        enrichedAll, sunk, caughtUp, now.inboxFiles(), now.doneFiles(), now.failedFiles(),
                        drops.size(), now.enrichedIds().size(), now.duplicateRecords(), now.dlqRecords(),
                        now.out().size(), now.jsonlIds().size()));
                if (before == null || !sameCounts(before, now) || !drained) {
                    stableSince.set(System.nanoTime());
                    return false;
                }
                return caughtUp && System.nanoTime() - stableSince.get() >= STABLE_FOR.toNanos();
            });
            return last.get();
        } catch (ConditionTimeoutException stillChanging) {
            LOG.warn("{}: outputs still changing or incomplete after {}; last look: {}", name, SETTLE_DEADLINE,
                    waitingFor.get());
            return outcome(workdir, bootstrap);
        }
    }

    private static boolean sameCounts(Outcome a, Outcome b) {
        return a.enrichedIds().size() == b.enrichedIds().size() && a.out().size() == b.out().size()
                && a.jsonlIds().size() == b.jsonlIds().size() && a.doneFiles() == b.doneFiles()
                && a.failedFiles() == b.failedFiles() && a.duplicateRecords() == b.duplicateRecords()
                && a.mirroredDuplicates() == b.mirroredDuplicates();
    }

    private static Outcome outcome(Path workdir, String bootstrap) throws IOException {
        Path out = workdir.resolve("out");
        Map<String, JsonNode> articles = new TreeMap<>();
        List<String> hidden = new ArrayList<>();
        for (Path file : files(out, 1)) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(".")) {
                hidden.add(out.relativize(file).toString());
            } else if (fileName.endsWith(".json")) {
                articles.put(fileName.substring(0, fileName.length() - ".json".length()), PipelineFixture.read(file));
            }
        }
        Path jsonl = workdir.resolve("out-jsonl");
        List<String> jsonlIds = new ArrayList<>();
        int mirrored = 0;
        int jsonlFiles = 0;
        for (Path file : files(jsonl, Integer.MAX_VALUE)) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(".")) {
                hidden.add(jsonl.relativize(file).toString());
            } else if (fileName.endsWith(".jsonl")) {
                jsonlFiles++;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    jsonlIds.add(Json.mapper().readTree(line).path("id").asText());
                }
            } else if (file.getParent().getFileName().toString().equals("_duplicates")) {
                mirrored++;
            }
        }
        List<String> enriched = readValues(bootstrap, Topics.ENRICHED.name()).stream()
                .map(v -> v.path("id").asText()).toList();
        List<List<String>> pairs = readValues(bootstrap, Topics.DUPLICATES.name()).stream()
                .map(v -> List.of(v.path("id").asText(), v.path("duplicate_of").asText())).toList();
        int duplicates = pairs.size();
        return new Outcome(enriched, articles, jsonlIds, jsonlFiles, files(workdir.resolve("done"), 1).size(),
                (int) files(workdir.resolve("failed"), 1).stream()
                        .filter(p -> !p.getFileName().toString().endsWith(".error.json")).count(),
                (int) files(workdir.resolve("inbox"), 1).stream()
                        .filter(p -> !p.getFileName().toString().startsWith(".")).count(),
                duplicates, mirrored, hidden, pairs, readRecords(bootstrap, Topics.DLQ.name()).size());
    }

    /** The JSON values of every committed record of {@code topic}. */
    private static List<JsonNode> readValues(String bootstrap, String topic) {
        return readRecords(bootstrap, topic).stream().map(ChaosIT::parse).toList();
    }

    /** The values of every committed record of {@code topic}. */
    private static List<String> readRecords(String bootstrap, String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading " + topic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitTopics(String bootstrap, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await("the broker creating the topics").atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> admin.listTopics().names().get().contains(Topics.ENRICHED.name()));
        }
    }

    // ---------------------------------------------------------------- the chaos schedule

    /** How far a run got, as seen from the file system; kills are triggered by progress, not by the clock. */
    private enum Progress {
        /** files moved to done/ (ingest-producer's progress) */
        DONE,
        /** files in out/ (enrich-streams' and the json sink's progress) */
        OUT,
        /** JSON Lines files published (the jsonl sink's progress) */
        JSONL;

        int of(Path workdir) {
            try {
                return switch (this) {
                    case DONE -> files(workdir.resolve("done"), 1).size();
                    case OUT -> files(workdir.resolve("out"), 1).size();
                    case JSONL -> (int) files(workdir.resolve("out-jsonl"), Integer.MAX_VALUE).stream()
                            .filter(p -> p.getFileName().toString().endsWith(".jsonl")).count();
                };
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** When {@code progress} reaches {@code threshold}, kill {@code service}, wait {@code down}, start it again. */
    private record Event(Progress progress, int threshold, Service service, Duration down, boolean wipeState) {
    }

    /**
     * {@value #KILLS_PER_SERVICE} kills of each service and one of the broker, each when the run reaches a
     * seeded random point (so the same seed hits the same stage of the run on a fast or a slow machine); the
     * last restart of enrich-streams also deletes its local state, so its dedup index must come back from the
     * changelog.
     */
    private static List<Event> schedule(Random random, Service broker, List<Service> services) {
        int articles = clean.out().size();
        int files = drops.size();
        int jsonlFiles = Math.max(4, clean.jsonlFiles());
        List<Event> events = new ArrayList<>();
        for (Service service : services) {
            Progress progress = switch (service.name) {
                case "ingest" -> Progress.DONE;
                case "sink-jsonl" -> Progress.JSONL;
                default -> Progress.OUT;
            };
            int total = switch (progress) {
                case DONE -> files;
                case OUT -> articles;
                case JSONL -> jsonlFiles;
            };
            int from = progress == Progress.JSONL ? 1 : 10;
            int to = (int) (total * 0.9);
            List<Integer> thresholds = random.ints(KILLS_PER_SERVICE, from, Math.max(from + 1, to)).sorted().boxed().toList();
            for (int k = 0; k < KILLS_PER_SERVICE; k++) {
                boolean wipe = service.name.equals("enrich") && k == KILLS_PER_SERVICE - 1;
                events.add(new Event(progress, thresholds.get(k), service, Duration.ofMillis(200 + random.nextInt(2_500)),
                        wipe));
            }
        }
        events.add(new Event(Progress.DONE, files / 6 + random.nextInt(files / 2), broker,
                Duration.ofMillis(500 + random.nextInt(2_000)), false));
        return events;
    }

    /**
     * Fires each service's events in order as the run progresses, checking progress every 100 ms; a killed service
     * is started again after the event's down time. Gives up on events not reached within {@link #CHAOS_DEADLINE}.
     */
    private static final class ChaosPlayer {
        private final Map<Service, List<Event>> byService = new LinkedHashMap<>();
        private final Map<Service, ScheduledFuture<?>> restarting = new HashMap<>();
        private final Path workdir;
        private final List<String> log;
        private final ScheduledExecutorService scheduler;
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private final long start = System.nanoTime();

        ChaosPlayer(List<Event> schedule, Path workdir, List<String> log, ScheduledExecutorService scheduler) {
            schedule.forEach(e -> byService.computeIfAbsent(e.service(), s -> new ArrayList<>()).add(e));
            this.workdir = workdir;
            this.log = log;
            this.scheduler = scheduler;
        }

        /** Completes when every event has fired (or was given up) and every restart is done. */
        CompletableFuture<Void> play() {
            ScheduledFuture<?> ticks = scheduler.scheduleWithFixedDelay(this::tick, 0, 100, TimeUnit.MILLISECONDS);
            return finished.whenComplete((ok, failed) -> ticks.cancel(false));
        }

        private void tick() {
            try {
                boolean pending = byService.values().stream().anyMatch(l -> !l.isEmpty());
                if (!pending || System.nanoTime() - start > CHAOS_DEADLINE.toNanos()) {
                    byService.values().forEach(events -> events.forEach(e -> log.add("not reached: " + e.progress()
                            + "=" + e.threshold() + " kill " + e.service().name)));
                    byService.clear();
                    if (restarting.values().stream().allMatch(ScheduledFuture::isDone)) {
                        finished.complete(null);
                    }
                    return;
                }
                fireDue();
            } catch (RuntimeException e) {
                finished.completeExceptionally(e);
            }
        }

        private void fireDue() {
            Map<Progress, Integer> now = new HashMap<>();
            for (var entry : byService.entrySet()) {
                Service service = entry.getKey();
                ScheduledFuture<?> restart = restarting.get(service);
                if (entry.getValue().isEmpty() || restart != null && !restart.isDone()) {
                    continue;
                }
                Event event = entry.getValue().get(0);
                if (now.computeIfAbsent(event.progress(), p -> p.of(workdir)) < event.threshold()) {
                    continue;
                }
                entry.getValue().remove(0);
                service.kill();
                log.add(String.format("%.1fs %s=%d kill %s%s", (System.nanoTime() - start) / 1e9,
                        event.progress().name().toLowerCase(java.util.Locale.ROOT), now.get(event.progress()),
                        service.name, event.wipeState() ? " (state wiped)" : ""));
                restarting.put(service, scheduler.schedule(() -> {
                    if (event.wipeState()) {
                        deleteRecursively(service.stateDir());
                    }
                    service.start();
                    return null;
                }, event.down().toMillis(), TimeUnit.MILLISECONDS));
            }
        }
    }

    // ---------------------------------------------------------------- processes

    /** One service run from its jar as a separate process; its output goes to {@code logs/NAME.log}. */
    private static final class Service {
        final String name;
        final Path log;
        final Path jar;
        final Map<String, String> env;
        final List<String> args;
        private Process process;
        private int starts;

        Service(String name, Path logs, Path jar, Map<String, String> env, List<String> args) {
            this.name = name;
            this.log = logs.resolve(name + ".log");
            this.jar = jar;
            this.env = env;
            this.args = args;
        }

        Path stateDir() {
            return Path.of(env.get("KHABAR_WORKDIR")).resolve("state");
        }

        synchronized void start() {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("KHABAR_"));
            builder.environment().putAll(env);
            try {
                Files.writeString(log, "=== start " + (++starts) + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + name, e);
            }
        }

        synchronized void ensureRunning() {
            if (process == null || !process.isAlive()) {
                LOG.warn("{} was not running; starting it", name);
                start();
            }
        }

        /** SIGKILL. */
        synchronized void kill() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** SIGTERM, then waits. */
        synchronized boolean stopGracefully(Duration timeout) throws InterruptedException {
            if (process == null || !process.isAlive()) {
                return true;
            }
            process.destroy();
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Path jar(String module, String name) {
        Path jar = Path.of("..", module, "target", name + ".jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), jar + " is missing; run mvn package (verify) first");
        return jar;
    }

    // ---------------------------------------------------------------- input

    /** The fixture's articles as one text file each (title, blank line, body), plus {@value #COPIES} exact copies under other names. */
    private static List<Drop> dropList() throws IOException {
        List<byte[]> articles = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(FIXTURE)), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    JsonNode article = Json.mapper().readTree(line);
                    String text = article.path("title").asText() + "\n\n" + article.path("content").asText() + "\n";
                    articles.add(text.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        Random random = new Random(42);
        List<Drop> drops = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            drops.add(new Drop(String.format("article-%03d.txt", i), articles.get(i)));
        }
        for (int c = 0; c < COPIES; c++) {
            drops.add(new Drop(String.format("copy-%02d.txt", c), articles.get(random.nextInt(articles.size()))));
        }
        Collections.shuffle(drops, random);
        return drops;
    }

    // ---------------------------------------------------------------- files

    /**
     * Regular files under {@code dir} down to {@code depth}, sorted. The services move files while this lists them: a
     * file gone by the time it is looked at is simply not counted (a directory stream does not stat its entries, and
     * {@code isRegularFile}/{@code isDirectory} answer false for a missing path), so no retry is needed.
     */
    private static List<Path> files(Path dir, int depth) throws IOException {
        List<Path> found = new ArrayList<>();
        collect(dir, depth, found);
        found.sort(null);
        return found;
    }

    private static void collect(Path dir, int depth, List<Path> found) throws IOException {
        if (depth < 1 || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    found.add(entry);
                } else if (Files.isDirectory(entry)) {
                    collect(entry, depth - 1, found);
                }
            }
        } catch (NoSuchFileException removed) {
            // the directory went away after isDirectory: nothing is in it
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> env = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
