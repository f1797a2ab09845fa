package dev.khabar.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.model.Json;

/** Files and folders of a pipeline run, shared by the end-to-end tests. */
final class PipelineFixture {

    static final Path SEEDS = Path.of("..", "seeds");

    private PipelineFixture() {
    }

    static List<Path> seeds() {
        return list(SEEDS).stream().filter(p -> p.toString().endsWith(".txt")).toList();
    }

    /** Copies a file into the inbox the safe way: write under a hidden name, then rename. */
    static void drop(Path file, Path inbox, String name) {
        try {
            Path hidden = inbox.resolve("." + name + ".tmp");
            Files.copy(file, hidden);
            Files.move(hidden, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path json) {
        try {
            return Json.mapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
