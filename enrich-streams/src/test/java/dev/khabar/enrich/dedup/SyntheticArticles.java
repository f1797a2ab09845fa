package dev.khabar.enrich.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Reproducible news-sized bodies over a Zipf-like vocabulary, with a share of lightly edited copies. */
final class SyntheticArticles {

    private final String[] vocabulary;
    private final SplittableRandom random;

    SyntheticArticles(long seed) {
        random = new SplittableRandom(seed);
        vocabulary = new String[30_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            int length = 2 + random.nextInt(8);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = word.toString();
        }
    }

    String body(int words) {
        StringBuilder sb = new StringBuilder(words * 7);
        for (int i = 0; i < words; i++) {
            double u = random.nextDouble();
            sb.append(vocabulary[(int) (vocabulary.length * u * u * u)]).append(i % 20 == 19 ? ". " : " ");
        }
        return sb.toString();
    }

    /** A copy with a new first sentence, its last fifth trimmed and a few words dropped. */
    String copyOf(String body) {
        String[] words = body.split(" ");
        List<String> out = new ArrayList<>();
        out.add("updated");
        out.add("headline");
        for (int i = 0; i < words.length * 4 / 5; i++) {
            if (random.nextInt(50) != 0) {
                out.add(words[i]);
            }
        }
        return String.join(" ", out);
    }

    /** {@code count} bodies of 250 to 450 words; every third after the first hundred copies an earlier one. */
    List<String> corpus(int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 100 && i % 3 == 0) {
                bodies.add(copyOf(bodies.get(random.nextInt(i))));
            } else {
                bodies.add(body(250 + random.nextInt(200)));
            }
        }
        return bodies;
    }
}
