package dev.khabar.enrich.entity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The table of NER data sets of a language (one line each, tab-separated: name, file under the data folder, labels
 * ({@code gold}, {@code silver}, or {@code mentions}: gold labels of every mention, pronouns and descriptions too,
 * trimmed to names by {@link ConllCorpus#namesOnly} for training and scoring alike), role, copies, then the sentence ranges of the training, tuning and held-out parts, e.g.
 * {@code 0-4/6}, {@code 4/6-5/6}, {@code 5/6-1}; several ranges joined by {@code +}; {@code -} for none; a folder
 * stands for its {@code .conll} files in name order). Roles:
 * {@code main} (labels train the shared features), {@code adapt} (labels train shared features plus a copy of its own
 * that absorbs the set's conventions), {@code text} (text only, for the lexicon and word classes), {@code off}.
 * The split is fixed in this table, so a held-out part is never trained or tuned on.
 */
record NerDataSets(List<DataSet> sets) {

    enum Part { TRAIN, TUNE, HELDOUT }

    record DataSet(String name, Path file, boolean gold, boolean mentions, String role, int copies, String train,
                   String tune, String heldout) {

        /** The sentences of one part ({@code train} at stage {@code final} takes the tuning part too). */
        List<ConllCorpus.Sentence> read(Part part, boolean finalStage) throws IOException {
            String ranges = switch (part) {
                case TRAIN -> finalStage ? join(train, tune) : train;
                case TUNE -> tune;
                case HELDOUT -> heldout;
            };
            if (ranges.equals("-")) {
                return List.of();
            }
            List<ConllCorpus.Sentence> all = new ArrayList<>();
            if (Files.isDirectory(file)) {
                try (Stream<Path> files = Files.walk(file)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".conll")).sorted().toList()) {
                        all.addAll(ConllCorpus.read(f, ConllCorpus.LATIN));
                    }
                }
            } else {
                all.addAll(ConllCorpus.read(file, ConllCorpus.LATIN));
            }
            List<ConllCorpus.Sentence> out = new ArrayList<>();
            for (String range : ranges.split("\\+")) {
                String[] ends = range.split("-");
                out.addAll(ConllCorpus.slice(all, ConllCorpus.fraction(ends[0]), ConllCorpus.fraction(ends[1])));
            }
            if (mentions) {
                out.replaceAll(ConllCorpus::namesOnly);
            }
            return out;
        }

        private static String join(String a, String b) {
            return a.equals("-") ? b : b.equals("-") ? a : a + "+" + b;
        }
    }

    /**
     * Reads the table; {@code roles} ({@code name=role,...}) overrides roles for tuning experiments.
     */
    static NerDataSets read(Path table, Path dataDir, String roles) throws IOException {
        Map<String, String> overrides = new HashMap<>();
        if (roles != null && !roles.isBlank()) {
            for (String pair : roles.split(",")) {
                String[] kv = pair.split("=", 2);
                overrides.put(kv[0].strip(), kv[1].strip());
            }
        }
        List<DataSet> sets = new ArrayList<>();
        for (String line : Files.readAllLines(table)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            if (c.length != 8) {
                throw new IllegalArgumentException(table + ": expected 8 tab-separated columns in '" + line + "'");
            }
            String role = overrides.getOrDefault(c[0], c[3]);
            if (!List.of("main", "adapt", "text", "off").contains(role)) {
                throw new IllegalArgumentException(table + ": unknown role '" + role + "' of " + c[0]);
            }
            if (!List.of("gold", "silver", "mentions").contains(c[2])) {
                throw new IllegalArgumentException(table + ": unknown labels '" + c[2] + "' of " + c[0]);
            }
            sets.add(new DataSet(c[0], dataDir.resolve(c[1]), !c[2].equals("silver"), c[2].equals("mentions"), role,
                    Integer.parseInt(c[4]), c[5], c[6], c[7]));
        }
        return new NerDataSets(List.copyOf(sets));
    }
}
