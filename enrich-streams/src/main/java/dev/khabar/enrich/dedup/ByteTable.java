package dev.khabar.enrich.dedup;

import java.util.List;
import java.util.Map;

/** A sorted map of byte keys to byte values, ordered like {@link org.apache.kafka.common.utils.Bytes}. */
interface ByteTable {

    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /** Entries with {@code from <= key <= to}, in key order, at most {@code limit}. */
    List<Map.Entry<byte[], byte[]>> scan(byte[] from, byte[] to, int limit);
}
