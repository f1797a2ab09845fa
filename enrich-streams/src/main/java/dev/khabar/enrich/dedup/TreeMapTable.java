package dev.khabar.enrich.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.utils.Bytes;

/** The in-memory table of the eval; counts the bytes of its keys and values. */
final class TreeMapTable implements ByteTable {

    private final TreeMap<Bytes, byte[]> map = new TreeMap<>();
    private long bytes;

    @Override
    public byte[] get(byte[] key) {
        return map.get(Bytes.wrap(key));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        byte[] old = map.put(Bytes.wrap(key), value);
        bytes += old == null ? key.length + value.length : value.length - old.length;
    }

    @Override
    public void delete(byte[] key) {
        byte[] old = map.remove(Bytes.wrap(key));
        if (old != null) {
            bytes -= key.length + old.length;
        }
    }

    @Override
    public List<Map.Entry<byte[], byte[]>> scan(byte[] from, byte[] to, int limit) {
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
        for (Map.Entry<Bytes, byte[]> e : map.subMap(Bytes.wrap(from), true, Bytes.wrap(to), true).entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(Map.entry(e.getKey().get(), e.getValue()));
        }
        return out;
    }

    int entries() {
        return map.size();
    }

    long bytes() {
        return bytes;
    }
}
