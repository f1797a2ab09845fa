package dev.khabar.enrich;

import java.util.Arrays;
import java.util.List;

import dev.khabar.enrich.entity.NerEvaluation;
import dev.khabar.enrich.entity.NerTraining;

/**
 * Entry point of {@code enrich-streams.jar}: with no command it runs the Streams application; {@code eval TASK}
 * and {@code train TASK} run the offline commands.
 */
public final class EnrichApp {

    private EnrichApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && (args[0].equals("eval") || args[0].equals("train"))) {
            System.exit(runCommand(args[0] + " " + args[1], Arrays.copyOfRange(args, 2, args.length)));
        }
        System.out.println("usage: enrich-streams.jar [eval|train TASK ...]");
    }

    static int runCommand(String command, String[] args) throws Exception {
        switch (command) {
            case "eval ner" -> {
                return NerEvaluation.run(args);
            }
            case "train ner" -> {
                return NerTraining.run(args);
            }
            default -> {
                System.out.println("Unknown command '" + command + "'. Commands: " + List.of("eval ner", "train ner"));
                return 2;
            }
        }
    }
}
