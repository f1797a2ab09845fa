package dev.khabar.enrich.entity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Distributional word classes derived from unlabelled text: each frequent word is described by its left and right
 * neighbours (log counts over the most frequent context words), randomly projected to a dense vector, and grouped by
 * spherical k-means at a coarse and a fine granularity. Words seen in the same contexts (given names, towns, ministries)
 * share a class, which lets the tagger generalise to names it never saw labelled.
 */
final class WordClusters {

    static final WordClusters NONE = new WordClusters(Map.of());

    private final Map<String, int[]> classes;
    private final int granularities;

    WordClusters(Map<String, int[]> classes) {
        this.classes = classes;
        this.granularities = classes.values().stream().mapToInt(ids -> ids.length).max().orElse(0);
    }

    /** Class ids of a word at each granularity, or null if the word is unknown. */
    int[] of(String word) {
        return classes.get(word);
    }

    int granularities() {
        return granularities;
    }

    int size() {
        return classes.size();
    }

    static WordClusters derive(List<List<String>> sentences, int minCount, int contexts, int dimensions, int[] ks,
                               int iterations, long seed) {
        Map<String, Integer> counts = new HashMap<>();
        sentences.forEach(s -> s.forEach(w -> counts.merge(w, 1, Integer::sum)));
        List<String> byFrequency = new ArrayList<>(counts.keySet());
        byFrequency.sort((a, b) -> counts.get(b) - counts.get(a));
        Map<String, Integer> contextIndex = new HashMap<>();
        for (int i = 0; i < Math.min(contexts, byFrequency.size()); i++) {
            contextIndex.put(byFrequency.get(i), i);
        }
        List<String> words = byFrequency.stream().filter(w -> counts.get(w) >= minCount).toList();
        Map<String, Integer> wordIndex = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            wordIndex.put(words.get(i), i);
        }
        Random random = new Random(seed);
        float[][] projection = new float[2 * contexts + 2][dimensions];
        for (float[] row : projection) {
            for (int d = 0; d < dimensions; d++) {
                row[d] = (float) random.nextGaussian();
            }
        }
        List<Map<Integer, Integer>> cooccurrences = new ArrayList<>();
        words.forEach(w -> cooccurrences.add(new HashMap<>()));
        for (List<String> sentence : sentences) {
            for (int i = 0; i < sentence.size(); i++) {
                Integer wi = wordIndex.get(sentence.get(i));
                if (wi == null) {
                    continue;
                }
                Integer left = i == 0 ? Integer.valueOf(contexts) : contextIndex.getOrDefault(sentence.get(i - 1), -1);
                Integer right = i == sentence.size() - 1 ? Integer.valueOf(contexts)
                        : contextIndex.getOrDefault(sentence.get(i + 1), -1);
                if (left >= 0) {
                    cooccurrences.get(wi).merge(left, 1, Integer::sum);
                }
                if (right >= 0) {
                    cooccurrences.get(wi).merge(contexts + 1 + right, 1, Integer::sum);
                }
            }
        }
        float[][] vectors = new float[words.size()][dimensions];
        for (int wi = 0; wi < words.size(); wi++) {
            float[] v = vectors[wi];
            cooccurrences.get(wi).forEach((ctx, n) -> {
                float weight = (float) Math.log1p(n);
                float[] p = projection[ctx];
                for (int d = 0; d < dimensions; d++) {
                    v[d] += weight * p[d];
                }
            });
            normalize(v);
        }
        int[][] assignments = new int[ks.length][];
        for (int g = 0; g < ks.length; g++) {
            assignments[g] = kMeans(vectors, Math.min(ks[g], Math.max(1, words.size())), iterations, random);
        }
        Map<String, int[]> classes = new HashMap<>();
        for (int wi = 0; wi < words.size(); wi++) {
            int[] ids = new int[ks.length];
            for (int g = 0; g < ks.length; g++) {
                ids[g] = assignments[g][wi];
            }
            classes.put(words.get(wi), ids);
        }
        return new WordClusters(classes);
    }

    private static int[] kMeans(float[][] vectors, int k, int iterations, Random random) {
        int n = vectors.length;
        int dims = n == 0 ? 0 : vectors[0].length;
        float[][] centroids = new float[k][];
        for (int c = 0; c < k; c++) {
            centroids[c] = vectors[random.nextInt(n)].clone();
        }
        int[] assignment = new int[n];
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < n; i++) {
                float best = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    float dot = 0;
                    float[] v = vectors[i];
                    float[] m = centroids[c];
                    for (int d = 0; d < dims; d++) {
                        dot += v[d] * m[d];
                    }
                    if (dot > best) {
                        best = dot;
                        assignment[i] = c;
                    }
                }
            }
            float[][] sums = new float[k][dims];
            for (int i = 0; i < n; i++) {
                float[] s = sums[assignment[i]];
                for (int d = 0; d < dims; d++) {
                    s[d] += vectors[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (normalize(sums[c])) {
                    centroids[c] = sums[c];
                } else {
                    centroids[c] = vectors[random.nextInt(n)].clone();
                }
            }
        }
        return assignment;
    }

    private static boolean normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return false;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return true;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(classes.size());
        for (Map.Entry<String, int[]> e : classes.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeByte(e.getValue().length);
            for (int id : e.getValue()) {
                out.writeShort(id);
            }
        }
    }

    static WordClusters read(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, int[]> classes = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String word = in.readUTF();
            int[] ids = new int[in.readByte()];
            for (int g = 0; g < ids.length; g++) {
                ids[g] = in.readShort();
            }
            classes.put(word, ids);
        }
        return new WordClusters(classes);
    }
}
