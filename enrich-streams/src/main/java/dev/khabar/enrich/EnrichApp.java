package dev.khabar.enrich;

import java.util.Arrays;
import java.util.List;

import dev.khabar.enrich.dedup.DedupEval;
import dev.khabar.enrich.entity.NerEvaluation;
import dev.khabar.enrich.entity.NerTraining;
import dev.khabar.enrich.extract.ExtractEval;
import dev.khabar.enrich.language.LanguageIdEval;
import dev.khabar.enrich.language.LanguageModelTrainer;
import dev.khabar.model.ServiceMain;

/**
 * Entry point of {@code enrich-streams.jar}: with no command it runs the Streams application; {@code eval TASK}
 * and {@code train TASK} run the offline commands.
 */
public final class EnrichApp {

    private static final List<String> COMMANDS = List.of("eval extract", "eval langid", "train langid", "eval dedup", "eval ner", "train ner");

    private EnrichApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && (args[0].equals("eval") || args[0].equals("train"))) {
            System.exit(runCommand(args[0] + " " + args[1], Arrays.copyOfRange(args, 2, args.length)));
        }
        EnrichConfig config = ServiceMain.configOrExit(() -> EnrichConfig.load(System.getenv(), Arrays.asList(args)));
        EnrichService service = new EnrichService(config, EnrichmentSteps.standard(config.nerContext()));
        ServiceMain.runUntilShutdown("enrich", service::start, service);
    }

    static int runCommand(String command, String[] args) throws Exception {
        switch (command) {
            case "eval extract" -> {
                return ExtractEval.run(args);
            }
            case "eval langid" -> {
                return LanguageIdEval.run(args);
            }
            case "train langid" -> {
                return LanguageModelTrainer.run(args);
            }
            case "eval dedup" -> {
                return DedupEval.run(args);
            }
            case "eval ner" -> {
                return NerEvaluation.run(args);
            }
            case "train ner" -> {
                return NerTraining.run(args);
            }
            default -> {
                System.out.println("Unknown command '" + command + "'. Commands: " + COMMANDS);
                return 2;
            }
        }
    }
}
