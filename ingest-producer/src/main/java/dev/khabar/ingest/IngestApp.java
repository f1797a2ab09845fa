package dev.khabar.ingest;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code ingest-producer.jar}: loads the configuration, starts the inbox, stops on SIGTERM. */
public final class IngestApp {

    private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);

    private IngestApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        IngestConfig config;
        try {
            config = IngestConfig.load(System.getenv(), Arrays.asList(args));
        } catch (ConfigException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        IngestService service = new IngestService(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "ingest-shutdown"));
        service.start();
        stopped.await();
    }
}
