package dev.khabar.enrich.language;

import java.util.Arrays;

import com.ibm.icu.lang.UScript;

/**
 * Scores a text against every language of an {@link NgramModel} whose scripts include the text's main script: the
 * log-likelihood of each letter given up to four letters before it in the same word, backing off to shorter
 * contexts with a penalty, with a floor for letters a language never uses. Stateless; safe for concurrent use.
 */
final class NgramScorer {

    private final NgramModel model;
    private final int[][] candidatesByScript;

    NgramScorer(NgramModel model) {
        this.model = model;
        this.candidatesByScript = new int[UScript.CODE_LIMIT][];
        for (int script = 0; script < UScript.CODE_LIMIT; script++) {
            String name = UScript.getShortName(script);
            int[] candidates = new int[model.languageCount()];
            int n = 0;
            for (int language = 0; language < model.languageCount(); language++) {
                if ((" " + model.scripts(language) + " ").contains(" " + name + " ")) {
                    candidates[n++] = language;
                }
            }
            candidatesByScript[script] = Arrays.copyOf(candidates, n);
        }
    }

    NgramModel model() {
        return model;
    }

    /** The scores of one text; {@code languages} is empty when the text has no letters of a known script. */
    record Scores(int letters, int script, int[] languages, double[] logLikelihoods) {

        int best() {
            int best = -1;
            for (int i = 0; i < languages.length; i++) {
                if (best < 0 || logLikelihoods[i] > logLikelihoods[best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    Scores score(CharSequence text, int maxLetters) {
        int length = text.length();
        char[] chars = new char[length];
        int[] scriptCounts = new int[UScript.CODE_LIMIT];
        int letters = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && letters < maxLetters) {
                chars[i] = Character.toLowerCase(c);
                letters++;
                int script = UScript.getScript(c);
                if (script >= 0 && script < UScript.CODE_LIMIT) {
                    scriptCounts[script]++;
                }
            } else {
                chars[i] = ' ';
            }
        }
        int script = mainScript(scriptCounts);
        if (letters == 0 || script < 0) {
            return new Scores(letters, script, new int[0], new double[0]);
        }
        int[] languages = candidatesByScript[script];
        double[] scores = new double[languages.length];
        if (languages.length <= 1) {
            return new Scores(letters, script, languages, scores);
        }
        int[] slot = new int[model.languageCount()];
        Arrays.fill(slot, -1);
        for (int i = 0; i < languages.length; i++) {
            slot[languages[i]] = i;
        }
        NgramModel.Calibration calibration = model.calibration();
        double floor = calibration.floor();
        double backoff = calibration.backoff();
        int[] stamp = new int[languages.length];
        int position = 0;
        int wordStart = 0;
        for (int i = 0; i < length; i++) {
            if (chars[i] == ' ') {
                wordStart = i + 1;
                continue;
            }
            position++;
            for (int l = 0; l < scores.length; l++) {
                scores[l] += floor;
            }
            int maxOrder = Math.min(NgramModel.MAX_ORDER, i - wordStart + 1);
            int scored = 0;
            // once every candidate has its longest n-gram for this letter, shorter ones can change nothing
            for (int order = maxOrder; order >= 1 && scored < scores.length; order--) {
                int entry = model.find(chars, i - order + 1, order);
                if (entry < 0) {
                    continue;
                }
                double penalty = (maxOrder - order) * backoff;
                for (int p = model.postingsStart(entry); p < model.postingsEnd(entry); p++) {
                    short posting = model.posting(p);
                    int l = slot[(posting >>> 8) & 0xff];
                    if (l < 0 || stamp[l] == position) {
                        continue;
                    }
                    stamp[l] = position;
                    scored++;
                    scores[l] += -(posting & 0xff) / NgramModel.Q_SCALE + penalty - floor;
                }
            }
        }
        for (int l = 0; l < scores.length; l++) {
            scores[l] += calibration.bias()[languages[l]] * position;
        }
        return new Scores(letters, script, languages, scores);
    }

    /** Posterior probabilities of the candidates: a softmax with a temperature that grows with the text's length. */
    double[] posteriors(Scores scores) {
        double[] ll = scores.logLikelihoods();
        double[] p = new double[ll.length];
        if (ll.length == 0) {
            return p;
        }
        NgramModel.Calibration c = model.calibration();
        double temperature = temperature(c, scores.letters());
        double max = Arrays.stream(ll).max().orElse(0);
        double sum = 0;
        for (int i = 0; i < ll.length; i++) {
            p[i] = Math.exp((ll[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < ll.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static double temperature(NgramModel.Calibration c, int letters) {
        return Math.exp(c.logTemperature() + c.logTemperaturePerLogLetter() * Math.log(Math.max(1, letters)));
    }

    static int mainScript(int[] scriptCounts) {
        int best = -1;
        for (int s = 0; s < scriptCounts.length; s++) {
            if (s == UScript.COMMON || s == UScript.INHERITED || s == UScript.UNKNOWN) {
                continue;
            }
            if (scriptCounts[s] > 0 && (best < 0 || scriptCounts[s] > scriptCounts[best])) {
                best = s;
            }
        }
        return best;
    }
}
