package dev.khabar.ingest;

import java.io.Console;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.ServiceMain;

/**
 * Entry point of {@code ingest-producer.jar}: loads the configuration, then either watches the inbox until
 * SIGTERM or, with {@code --once DIR}, publishes one folder and exits (0: all files published or rejected, 1: files
 * left because the broker was unreachable, 2: bad configuration or folders).
 */
public final class IngestApp {

    private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);

    private IngestApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        IngestConfig config = ServiceMain.configOrExit(() -> IngestConfig.load(System.getenv(), Arrays.asList(args)));
        try {
            if (config.once() != null) {
                Console console = System.console();
                System.exit(new Backfill(config, Clock.systemUTC(), console == null ? null : console.writer(),
                        new PrintWriter(System.out, true, StandardCharsets.UTF_8)).run());
                return;
            }
            IngestService service = new IngestService(config, Clock.systemUTC());
            ServiceMain.runUntilShutdown("ingest", service::start, service);
        } catch (UncheckedIOException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
        }
    }
}
