package dev.khabar.enrich.dedup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per article of the dedup step on a real development set in arrival order (normalise, fingerprint,
 * MinHash, LSH lookup, verify, index), from empty state each pass. The set is read from
 * {@code -Ddedup.bench.articles=FILE} (JSON Lines as for {@code eval dedup}); {@value #ARTICLES} articles are
 * used, so the file needs at least that many.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class DedupDevSetBenchmark {

    static final int ARTICLES = 2_500;

    @Param({"memory", "rocksdb"})
    public String store;

    private List<DedupEval.Item> items;
    private DedupEngine engine;
    private List<KeyValueStore<Bytes, byte[]>> stores;
    private Path stateDir;

    @Setup(Level.Trial)
    public void load() throws IOException {
        items = DedupEval.read(Path.of(System.getProperty("dedup.bench.articles", "target/dedup-dev-test.jsonl")))
                .subList(0, ARTICLES);
    }

    @Setup(Level.Invocation)
    public void emptyState() throws IOException {
        if (store.equals("memory")) {
            engine = new DedupEngine(DedupSettings.defaults(), DedupState.inMemory());
            return;
        }
        stateDir = Files.createTempDirectory("dedup-devset-bench");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0),
                stateDir.toFile());
        stores = new ArrayList<>();
        for (String name : DedupState.STORE_NAMES) {
            KeyValueStore<Bytes, byte[]> kv = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                    Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
            kv.init(context.getStateStoreContext(), kv);
            stores.add(kv);
        }
        engine = new DedupEngine(DedupSettings.defaults(),
                DedupState.onStores(stores.get(0), stores.get(1), stores.get(2), stores.get(3)));
    }

    @TearDown(Level.Invocation)
    public void dropState() throws IOException {
        if (stores != null) {
            stores.forEach(KeyValueStore::close);
            stores = null;
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ARTICLES)
    public int dedupDevSet() {
        int duplicates = 0;
        for (int i = 0; i < ARTICLES; i++) {
            DedupEval.Item item = items.get(i);
            if (engine.decide(item.id(), item.text(), 1_700_000_000_000L + i * 1000L).duplicate()) {
                duplicates++;
            }
        }
        return duplicates;
    }
}
