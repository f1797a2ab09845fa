package dev.khabar.enrich.entity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of the world written in Latin letters, read by the English and French tagger as features: GeoNames places (every
 * populated place of more than 1,000 people or seat of a division, and first-level divisions; 153,000 names) and given
 * and family names of many languages (Faker's lists; 17,000 and 14,000). Membership alone decides nothing, since
 * {@code Reading} is a town and {@code Will} a name: the tagger learns from the training labels how far each list holds.
 * Never a source of mentions on its own. Names are kept as sorted 64-bit hashes of their normalised words (12 bytes an
 * entry with its value), not as strings.
 */
final class LatinNames {

    /** No names: every token reads as unlisted. */
    static final LatinNames NONE = new LatinNames(List.of(), List.of(), List.of());

    /** {@link #personWord} bit of a listed given name. */
    static final int GIVEN = 2;
    /** {@link #personWord} bit of a listed family name. */
    static final int FAMILY = 1;

    /** The span codes of {@link Gazetteer#spans} at width 3 for a LOCATION name: first, inner and last word. */
    private static final int FIRST_WORD = 1 + 3 * Gazetteer.TYPES.indexOf("LOCATION");

    private final SortedHashes places;
    /** First words of places, each with the most words a place starting with it has. */
    private final SortedHashes placeStarts;
    private final SortedHashes given;
    private final SortedHashes family;

    LatinNames(List<String> places, List<String> given, List<String> family) {
        Map<Long, Integer> whole = new HashMap<>();
        Map<Long, Integer> starts = new HashMap<>();
        for (String place : places) {
            List<Token> words = Tokenizer.tokenize(place);
            if (!words.isEmpty()) {
                whole.put(hash(words, 0, words.size()), 1);
                starts.merge(hash(words, 0, 1), words.size(), Math::max);
            }
        }
        this.places = new SortedHashes(whole);
        this.placeStarts = new SortedHashes(starts);
        this.given = words(given);
        this.family = words(family);
    }

    private static final class Holder {
        static final LatinNames STANDARD = new LatinNames(Gazetteer.loadWords("/gazetteer/places-geonames.txt"),
                Gazetteer.loadWords("/gazetteer/given-names-latin.txt"),
                Gazetteer.loadWords("/gazetteer/family-names-latin.txt"));
    }

    static LatinNames standard() {
        return Holder.STANDARD;
    }

    /**
     * Per token, the longest listed place over it (longest first, left to right, not overlapping), coded as
     * {@link Gazetteer#spans} codes a LOCATION name at width 3: 0 for none, else its first, inner or last word.
     */
    int[] placeSpans(List<Token> tokens) {
        int[] codes = new int[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            int length = 0;
            int longest = placeStarts.get(hash(tokens, i, i + 1));
            if (longest > 0) {
                long h = FNV_OFFSET;
                for (int len = 1; len <= longest && i + len <= tokens.size(); len++) {
                    h = hash(tokens.get(i + len - 1).norm(), len == 1 ? h : (h ^ ' ') * FNV_PRIME);
                    if (places.get(h) > 0) {
                        length = len;
                    }
                }
            }
            for (int k = 0; k < length; k++) {
                codes[i + k] = FIRST_WORD + (k == 0 ? 0 : k == length - 1 ? 2 : 1);
            }
            i += Math.max(length, 1);
        }
        return codes;
    }

    /** Whether a normalised word is, alone, a listed place (a city or town of GeoNames). */
    boolean isPlace(String norm) {
        return places.get(hash(norm, FNV_OFFSET)) > 0;
    }

    /** {@link #GIVEN} and {@link #FAMILY} bits of a normalised word. */
    int personWord(String norm) {
        long h = hash(norm, FNV_OFFSET);
        return (given.get(h) > 0 ? GIVEN : 0) | (family.get(h) > 0 ? FAMILY : 0);
    }

    private static SortedHashes words(List<String> names) {
        Map<Long, Integer> hashes = new HashMap<>();
        names.forEach(name -> hashes.put(hash(ArabicText.normalize(name), FNV_OFFSET), 1));
        return new SortedHashes(hashes);
    }

    /** Sorted 64-bit hashes, each with a positive int: a compact set or map, read by binary search. */
    private static final class SortedHashes {
        private final long[] keys;
        private final int[] values;

        SortedHashes(Map<Long, Integer> entries) {
            keys = entries.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            values = Arrays.stream(keys).mapToInt(entries::get).toArray();
        }

        /** The value of {@code key}, or 0. */
        int get(long key) {
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? values[at] : 0;
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over the normalised words {@code from} (inclusive) to {@code to}, a space between words. */
    private static long hash(List<Token> tokens, int from, int to) {
        long h = FNV_OFFSET;
        for (int k = from; k < to; k++) {
            if (k > from) {
                h = (h ^ ' ') * FNV_PRIME;
            }
            h = hash(tokens.get(k).norm(), h);
        }
        return h;
    }

    private static long hash(String s, long h) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }
}
