package dev.khabar.enrich.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A table kept in a Kafka Streams key-value store (RocksDB or in-memory, changelogged). */
final class StoreTable implements ByteTable {

    private final KeyValueStore<Bytes, byte[]> store;

    StoreTable(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    @Override
    public byte[] get(byte[] key) {
        return store.get(Bytes.wrap(key));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        store.put(Bytes.wrap(key), value);
    }

    @Override
    public void delete(byte[] key) {
        store.delete(Bytes.wrap(key));
    }

    @Override
    public List<Map.Entry<byte[], byte[]>> scan(byte[] from, byte[] to, int limit) {
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(Bytes.wrap(from), Bytes.wrap(to))) {
            while (it.hasNext() && out.size() < limit) {
                KeyValue<Bytes, byte[]> kv = it.next();
                out.add(Map.entry(kv.key.get(), kv.value));
            }
        }
        return out;
    }
}
