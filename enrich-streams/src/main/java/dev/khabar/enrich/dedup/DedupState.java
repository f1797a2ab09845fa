package dev.khabar.enrich.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * What deduplication remembers, in four byte-keyed tables; every entry carries its ingest time.
 * <ul>
 *   <li>exact: fingerprint (32 bytes) → ingest time, id of the first copy</li>
 *   <li>bands: band number (1), band key (8), article key (8) → empty</li>
 *   <li>signatures: article key (8) → ingest time, shingle count, MinHash signature, article id</li>
 *   <li>expiry: ingest time (8, big-endian), article key (8) → fingerprint; scanned in time order to expire</li>
 * </ul>
 * The article key is the first 8 bytes of the SHA-256 of the article id. The same encoding backs the in-memory
 * tables of the eval and the Kafka Streams stores, so both give the same verdicts.
 */
public final class DedupState {

    public static final String EXACT_STORE = "dedup-exact-store";
    public static final String BAND_STORE = "dedup-band-store";
    public static final String SIGNATURE_STORE = "dedup-signature-store";
    public static final String EXPIRY_STORE = "dedup-expiry-store";
    public static final List<String> STORE_NAMES = List.of(EXACT_STORE, BAND_STORE, SIGNATURE_STORE, EXPIRY_STORE);

    private static final byte[] EMPTY = new byte[0];

    private final ByteTable exact;
    private final ByteTable bands;
    private final ByteTable signatures;
    private final ByteTable expiry;

    DedupState(ByteTable exact, ByteTable bands, ByteTable signatures, ByteTable expiry) {
        this.exact = exact;
        this.bands = bands;
        this.signatures = signatures;
        this.expiry = expiry;
    }

    /** State in heap maps, for the eval and tests. */
    public static DedupState inMemory() {
        return new DedupState(new TreeMapTable(), new TreeMapTable(), new TreeMapTable(), new TreeMapTable());
    }

    /** State in the four Kafka Streams stores named {@link #STORE_NAMES}, in that order. */
    public static DedupState onStores(KeyValueStore<Bytes, byte[]> exact, KeyValueStore<Bytes, byte[]> bands,
                                      KeyValueStore<Bytes, byte[]> signatures, KeyValueStore<Bytes, byte[]> expiry) {
        return new DedupState(new StoreTable(exact), new StoreTable(bands), new StoreTable(signatures),
                new StoreTable(expiry));
    }

    /** Persistent, changelogged builders of the four stores, for the topology. */
    public static List<StoreBuilder<KeyValueStore<Bytes, byte[]>>> storeBuilders() {
        List<StoreBuilder<KeyValueStore<Bytes, byte[]>>> builders = new ArrayList<>();
        for (String name : STORE_NAMES) {
            builders.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                    Serdes.Bytes(), Serdes.ByteArray()));
        }
        return builders;
    }

    record ExactEntry(String originalId, long ingestMs) {
    }

    record IndexedSignature(String id, int[] signature, int shingleCount, long ingestMs) {
    }

    record Expiry(long ingestMs, long articleKey, byte[] fingerprint) {
    }

    ExactEntry exact(byte[] fingerprint) {
        byte[] value = exact.get(fingerprint);
        if (value == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(value);
        long ingestMs = buf.getLong();
        return new ExactEntry(new String(value, 8, value.length - 8, StandardCharsets.UTF_8), ingestMs);
    }

    void putExact(byte[] fingerprint, String originalId, long ingestMs) {
        byte[] id = originalId.getBytes(StandardCharsets.UTF_8);
        exact.put(fingerprint, ByteBuffer.allocate(8 + id.length).putLong(ingestMs).put(id).array());
    }

    void removeExact(byte[] fingerprint) {
        exact.delete(fingerprint);
    }

    /** Keys of the articles in one band bucket, at most {@code limit}, in key order. */
    List<Long> bandMembers(int band, long bandKey, int limit) {
        byte[] from = ByteBuffer.allocate(17).put((byte) band).putLong(bandKey).putLong(0L).array();
        byte[] to = ByteBuffer.allocate(17).put((byte) band).putLong(bandKey).putLong(-1L).array();
        List<Long> members = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : bands.scan(from, to, limit)) {
            members.add(ByteBuffer.wrap(e.getKey(), 9, 8).getLong());
        }
        return members;
    }

    void addBandMember(int band, long bandKey, long articleKey) {
        bands.put(bandEntry(band, bandKey, articleKey), EMPTY);
    }

    void removeBandMember(int band, long bandKey, long articleKey) {
        bands.delete(bandEntry(band, bandKey, articleKey));
    }

    IndexedSignature signature(long articleKey) {
        byte[] value = signatures.get(longKey(articleKey));
        if (value == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(value);
        long ingestMs = buf.getLong();
        int shingleCount = buf.getInt();
        int length = buf.getShort() & 0xFFFF;
        int[] signature = new int[length];
        buf.asIntBuffer().get(signature);
        int idStart = 14 + 4 * length;
        return new IndexedSignature(new String(value, idStart, value.length - idStart, StandardCharsets.UTF_8),
                signature, shingleCount, ingestMs);
    }

    void putSignature(long articleKey, IndexedSignature entry) {
        byte[] id = entry.id().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(14 + 4 * entry.signature().length + id.length)
                .putLong(entry.ingestMs()).putInt(entry.shingleCount()).putShort((short) entry.signature().length);
        for (int v : entry.signature()) {
            buf.putInt(v);
        }
        signatures.put(longKey(articleKey), buf.put(id).array());
    }

    void removeSignature(long articleKey) {
        signatures.delete(longKey(articleKey));
    }

    void scheduleExpiry(long ingestMs, long articleKey, byte[] fingerprint) {
        expiry.put(ByteBuffer.allocate(16).putLong(ingestMs).putLong(articleKey).array(), fingerprint);
    }

    /** Removes and returns up to {@code limit} expiry entries with an ingest time before {@code cutoffMs}. */
    List<Expiry> takeExpiriesBefore(long cutoffMs, int limit) {
        List<Expiry> due = new ArrayList<>();
        if (cutoffMs <= 0) {
            return due;
        }
        byte[] from = new byte[16];
        byte[] to = ByteBuffer.allocate(16).putLong(cutoffMs - 1).putLong(-1L).array();
        for (Map.Entry<byte[], byte[]> e : expiry.scan(from, to, limit)) {
            ByteBuffer key = ByteBuffer.wrap(e.getKey());
            due.add(new Expiry(key.getLong(), key.getLong(), e.getValue()));
        }
        for (Expiry e : due) {
            expiry.delete(ByteBuffer.allocate(16).putLong(e.ingestMs()).putLong(e.articleKey()).array());
        }
        return due;
    }

    /** Entries and key+value bytes per table (in-memory state only; empty for store-backed state). */
    Map<String, long[]> footprint() {
        if (!(exact instanceof TreeMapTable)) {
            return Map.of();
        }
        return Map.of(EXACT_STORE, footprint(exact), BAND_STORE, footprint(bands),
                SIGNATURE_STORE, footprint(signatures), EXPIRY_STORE, footprint(expiry));
    }

    private static long[] footprint(ByteTable table) {
        TreeMapTable t = (TreeMapTable) table;
        return new long[] {t.entries(), t.bytes()};
    }

    private static byte[] bandEntry(int band, long bandKey, long articleKey) {
        return ByteBuffer.allocate(17).put((byte) band).putLong(bandKey).putLong(articleKey).array();
    }

    private static byte[] longKey(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
