package dev.khabar.enrich.language;

import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Character n-gram log-probabilities (orders 1 to 5) of every language, in one open-addressing table keyed by a
 * 64-bit hash of the n-gram. Each n-gram points at a run of postings {@code (language << 8) | q}, where
 * {@code -q / 16} is the natural log of the conditional probability of the n-gram's last letter given the others.
 * Immutable after loading; safe for concurrent reads.
 */
final class NgramModel {

    static final int MAX_ORDER = 5;
    static final double Q_SCALE = 16.0;
    private static final int MAGIC = 0x4B4C4944; // "KLID"
    private static final int FORMAT = 2;

    private final String version;
    private final String[] codes;
    private final String[] scripts;
    private final Calibration calibration;
    private final long[] keys;
    private final int[] slotEntry;
    private final int[] entryStart;
    private final short[] postings;
    private final int mask;

    /**
     * Scoring parameters stored with the model: the log-probability penalty per backoff step, the floor for letters a
     * language never uses, a per-letter bias for each language, and the confidence temperature
     * {@code exp(logTemperature + logTemperaturePerLogLetter * ln(letters))}.
     */
    record Calibration(double backoff, double floor, double[] bias, double logTemperature,
                       double logTemperaturePerLogLetter, double[] rawConfidence, double[] accuracy) {

        Calibration(double backoff, double floor, double[] bias, double logTemperature,
                    double logTemperaturePerLogLetter) {
            this(backoff, floor, bias, logTemperature, logTemperaturePerLogLetter, new double[0], new double[0]);
        }

        Calibration withBias(double[] newBias) {
            return new Calibration(backoff, floor, newBias, logTemperature, logTemperaturePerLogLetter);
        }

        Calibration withTemperature(double log, double perLogLetter) {
            return new Calibration(backoff, floor, bias, log, perLogLetter);
        }

        /** Adds the isotonic map from the softmax's top probability to the accuracy observed in training. */
        Calibration withIsotonic(double[] raw, double[] observed) {
            return new Calibration(backoff, floor, bias, logTemperature, logTemperaturePerLogLetter, raw, observed);
        }

        /** The calibrated confidence of a top softmax probability: linear between the isotonic points. */
        double confidence(double raw) {
            if (rawConfidence.length == 0) {
                return raw;
            }
            int i = java.util.Arrays.binarySearch(rawConfidence, raw);
            if (i >= 0) {
                return accuracy[i];
            }
            int above = -i - 1;
            if (above == 0) {
                return accuracy[0];
            }
            if (above == rawConfidence.length) {
                return accuracy[rawConfidence.length - 1];
            }
            double x0 = rawConfidence[above - 1];
            double x1 = rawConfidence[above];
            if (x1 <= x0) {
                return accuracy[above];
            }
            double w = (raw - x0) / (x1 - x0);
            return accuracy[above - 1] + w * (accuracy[above] - accuracy[above - 1]);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "backoff=%.3f floor=%.1f temperature=exp(%.3f + %.3f ln letters)",
                    backoff, floor, logTemperature, logTemperaturePerLogLetter);
        }
    }

    private NgramModel(String version, String[] codes, String[] scripts, Calibration calibration, int entries) {
        this.version = version;
        this.codes = codes;
        this.scripts = scripts;
        this.calibration = calibration;
        int capacity = Integer.highestOneBit(Math.max(16, (int) (entries / 0.7))) << 1;
        this.keys = new long[capacity];
        this.slotEntry = new int[capacity];
        this.entryStart = new int[entries + 1];
        this.postings = new short[0];
        this.mask = capacity - 1;
    }

    private NgramModel(String version, String[] codes, String[] scripts, Calibration calibration, long[] keys,
                       int[] slotEntry, int[] entryStart, short[] postings) {
        this.version = version;
        this.codes = codes;
        this.scripts = scripts;
        this.calibration = calibration;
        this.keys = keys;
        this.slotEntry = slotEntry;
        this.entryStart = entryStart;
        this.postings = postings;
        this.mask = keys.length - 1;
    }

    String version() {
        return version;
    }

    int languageCount() {
        return codes.length;
    }

    String code(int language) {
        return codes[language];
    }

    /** The ISO 15924 codes (space-separated) of the scripts a language is written in. */
    String scripts(int language) {
        return scripts[language];
    }

    Calibration calibration() {
        return calibration;
    }

    NgramModel withCalibration(Calibration newCalibration) {
        return new NgramModel(version, codes, scripts, newCalibration, keys, slotEntry, entryStart, postings);
    }

    /** The entry of {@code text[start, start + length)}, or -1 when no language has that n-gram. */
    int find(char[] text, int start, int length) {
        long key = hash(text, start, length);
        int slot = (int) key & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return slotEntry[slot];
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    int postingsStart(int entry) {
        return entryStart[entry];
    }

    int postingsEnd(int entry) {
        return entryStart[entry + 1];
    }

    short posting(int index) {
        return postings[index];
    }

    static long hash(char[] text, int start, int length) {
        long h = 0xcbf29ce484222325L ^ length;
        for (int i = start; i < start + length; i++) {
            h = (h ^ text[i]) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    static int quantize(double logProbability) {
        return (int) Math.max(0, Math.min(255, Math.round(-logProbability * Q_SCALE)));
    }

    /**
     * Writes a model: languages with their scripts, the calibration, then every n-gram in sorted order (front-coded)
     * with its postings.
     */
    static void write(OutputStream out, String version, List<String> codes, List<String> scripts, Calibration calibration,
                      SortedMap<String, short[]> ngrams) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out), 1 << 16))) {
            data.writeInt(MAGIC);
            data.writeInt(FORMAT);
            data.writeUTF(version);
            data.writeInt(codes.size());
            for (int i = 0; i < codes.size(); i++) {
                data.writeUTF(codes.get(i));
                data.writeUTF(scripts.get(i));
            }
            data.writeDouble(calibration.backoff());
            data.writeDouble(calibration.floor());
            data.writeDouble(calibration.logTemperature());
            data.writeDouble(calibration.logTemperaturePerLogLetter());
            for (double b : calibration.bias()) {
                data.writeDouble(b);
            }
            data.writeInt(calibration.rawConfidence().length);
            for (int i = 0; i < calibration.rawConfidence().length; i++) {
                data.writeDouble(calibration.rawConfidence()[i]);
                data.writeDouble(calibration.accuracy()[i]);
            }
            data.writeInt(ngrams.size());
            int total = ngrams.values().stream().mapToInt(p -> p.length).sum();
            data.writeInt(total);
            String previous = "";
            for (Map.Entry<String, short[]> e : ngrams.entrySet()) {
                String ngram = e.getKey();
                int shared = 0;
                while (shared < previous.length() && shared < ngram.length()
                        && previous.charAt(shared) == ngram.charAt(shared)) {
                    shared++;
                }
                data.writeByte(shared);
                data.writeByte(ngram.length() - shared);
                for (int i = shared; i < ngram.length(); i++) {
                    data.writeChar(ngram.charAt(i));
                }
                data.writeByte(e.getValue().length);
                for (short p : e.getValue()) {
                    data.writeShort(p);
                }
                previous = ngram;
            }
        }
    }

    static NgramModel read(InputStream in) throws IOException {
        byte[] bytes;
        try (GZIPInputStream gzip = new GZIPInputStream(in, 1 << 16)) {
            bytes = gzip.readAllBytes();
        }
        ByteArrayInputStream header = new ByteArrayInputStream(bytes);
        try (DataInputStream data = new DataInputStream(header)) {
            if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
                throw new IOException("not a Khabar language model (format " + FORMAT + ")");
            }
            String version = data.readUTF();
            int languages = data.readInt();
            String[] codes = new String[languages];
            String[] scripts = new String[languages];
            for (int i = 0; i < languages; i++) {
                codes[i] = data.readUTF();
                scripts[i] = data.readUTF();
            }
            double backoff = data.readDouble();
            double floor = data.readDouble();
            double logTemperature = data.readDouble();
            double perLogLetter = data.readDouble();
            double[] bias = new double[languages];
            for (int i = 0; i < languages; i++) {
                bias[i] = data.readDouble();
            }
            int points = data.readInt();
            double[] raw = new double[points];
            double[] observed = new double[points];
            for (int i = 0; i < points; i++) {
                raw[i] = data.readDouble();
                observed[i] = data.readDouble();
            }
            Calibration calibration = new Calibration(backoff, floor, bias, logTemperature, perLogLetter, raw,
                    observed);
            int entries = data.readInt();
            int total = data.readInt();
            ByteBuffer body = ByteBuffer.wrap(bytes, bytes.length - header.available(), header.available());
            NgramModel shell = new NgramModel(version, codes, scripts, calibration, entries);
            short[] postings = new short[total];
            char[] ngram = new char[255];
            int next = 0;
            for (int entry = 0; entry < entries; entry++) {
                int shared = body.get() & 0xff;
                int rest = body.get() & 0xff;
                for (int i = 0; i < rest; i++) {
                    ngram[shared + i] = body.getChar();
                }
                shell.entryStart[entry] = next;
                int count = body.get() & 0xff;
                for (int i = 0; i < count; i++) {
                    postings[next++] = body.getShort();
                }
                shell.insert(NgramModel.hash(ngram, 0, shared + rest), entry);
            }
            if (body.hasRemaining()) {
                throw new IOException("language model has " + body.remaining() + " bytes after its last n-gram");
            }
            shell.entryStart[entries] = next;
            return new NgramModel(version, codes, scripts, calibration, shell.keys, shell.slotEntry, shell.entryStart,
                    postings);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IOException("language model is truncated", e);
        }
    }

    private void insert(long key, int entry) {
        int slot = (int) key & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                throw new IllegalStateException("hash collision in language model");
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        slotEntry[slot] = entry;
    }
}
