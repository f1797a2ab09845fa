package dev.khabar.enrich.dedup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the dedup step (normalise, fingerprint, MinHash, LSH lookup, verify, index) against an index that
 * already holds {@code indexed} articles, on heap tables and on the RocksDB stores the topology uses. Run:
 * {@code java -cp target/test-classes:target/enrich-streams.jar:$(cat target/jmh.cp) org.openjdk.jmh.Main DedupEngineBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class DedupEngineBenchmark {

    @Param({"memory", "rocksdb"})
    public String store;

    @Param({"20000"})
    public int indexed;

    private DedupEngine engine;
    private List<String> stream;
    private List<KeyValueStore<Bytes, byte[]>> stores;
    private Path stateDir;
    private int next;
    private long time;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        DedupState state;
        if (store.equals("memory")) {
            state = DedupState.inMemory();
        } else {
            stateDir = Files.createTempDirectory("dedup-bench");
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
            state = DedupState.onStores(stores.get(0), stores.get(1), stores.get(2), stores.get(3));
        }
        engine = new DedupEngine(DedupSettings.defaults(), state);
        SyntheticArticles articles = new SyntheticArticles(42);
        for (String body : articles.corpus(indexed)) {
            engine.decide("pre-" + time, body, time++);
        }
        stream = articles.corpus(5_000);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (stores != null) {
            stores.forEach(KeyValueStore::close);
            try (var files = Files.walk(stateDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public DedupVerdict decide() {
        String body = stream.get(next++ % stream.size());
        return engine.decide("a-" + time, body, time++);
    }
}
