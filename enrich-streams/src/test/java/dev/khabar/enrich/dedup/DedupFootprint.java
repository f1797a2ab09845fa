package dev.khabar.enrich.dedup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Measures the state kept per indexed article: key+value bytes and heap of the in-memory tables, and bytes on
 * disk of the RocksDB stores after a flush. Run:
 * {@code java -cp target/test-classes:target/enrich-streams.jar dev.khabar.enrich.dedup.DedupFootprint 50000}
 */
public final class DedupFootprint {

    private DedupFootprint() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<String> bodies = new SyntheticArticles(7).corpus(count);

        long heapBefore = usedHeap();
        DedupState memory = DedupState.inMemory();
        int unique = feed(new DedupEngine(DedupSettings.defaults(), memory), bodies);
        long heapAfter = usedHeap();
        long bytes = 0;
        for (Map.Entry<String, long[]> e : memory.footprint().entrySet()) {
            bytes += e.getValue()[1];
        }
        System.out.printf(Locale.ROOT, "%d articles, %d indexed as first copies%n", count, unique);
        System.out.printf(Locale.ROOT, "in-memory: %.0f key+value bytes and %.0f heap bytes per indexed article%n",
                (double) bytes / unique, (double) (heapAfter - heapBefore) / unique);
        memory = null;

        Path dir = Files.createTempDirectory("dedup-footprint");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-footprint");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0),
                dir.toFile());
        List<KeyValueStore<Bytes, byte[]>> stores = new ArrayList<>();
        for (String name : DedupState.STORE_NAMES) {
            KeyValueStore<Bytes, byte[]> kv = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                    Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
            kv.init(context.getStateStoreContext(), kv);
            stores.add(kv);
        }
        long started = System.nanoTime();
        feed(new DedupEngine(DedupSettings.defaults(),
                DedupState.onStores(stores.get(0), stores.get(1), stores.get(2), stores.get(3))), bodies);
        double seconds = (System.nanoTime() - started) / 1e9;
        stores.forEach(KeyValueStore::flush);
        long disk = size(dir);
        System.out.printf(Locale.ROOT, "rocksdb: %.0f bytes on disk per indexed article after flush; %.0f articles/s%n",
                (double) disk / unique, count / seconds);
        stores.forEach(KeyValueStore::close);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int feed(DedupEngine engine, List<String> bodies) {
        int unique = 0;
        for (int i = 0; i < bodies.size(); i++) {
            if (!engine.decide("article-" + i, bodies.get(i), 1_700_000_000_000L + i * 100L).duplicate()) {
                unique++;
            }
        }
        return unique;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
