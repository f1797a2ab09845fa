package dev.khabar.local;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar khabar-local.jar --workdir DIR [--kafka-port 9092] [--controller-port PORT] [--partitions 3]
 * [--broker-only]} (or {@code KHABAR_WORKDIR}, {@code KHABAR_KAFKA_PORT}, ...): the whole pipeline with an embedded
 * Kafka broker, no Docker needed.
 */
public final class LocalStackApp {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackApp.class);
    private static final String USAGE = "usage: java -jar khabar-local.jar --workdir DIR [--kafka-port 9092] "
            + "[--controller-port PORT] [--partitions 3] [--broker-only]";

    private LocalStackApp() {
    }

    public static void main(String[] args) throws Exception {
        LocalStack.Options options;
        try {
            options = LocalStackConfig.load(System.getenv(), List.of(args));
        } catch (ConfigException e) {
            System.out.println(e.getMessage());
            System.out.println(USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack = LocalStack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Khabar");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        Path workdir = options.workdir().toAbsolutePath().normalize();
        String bootstrap = stack.bootstrapServers();
        System.out.println();
        System.out.println("Khabar is running" + (options.brokerOnly() ? " (broker only)" : "") + ".");
        System.out.println("  Kafka:        " + bootstrap);
        if (!options.brokerOnly()) {
            System.out.println("  Drop files:   " + workdir.resolve("inbox") + "   (e.g. cp seeds/* " + workdir.resolve("inbox") + "/)");
            System.out.println("  Results:      " + workdir.resolve("out") + "   published: " + workdir.resolve("done")
                    + "   rejected: " + workdir.resolve("failed"));
        } else {
            System.out.println("  Run services: KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + " KHABAR_WORKDIR=" + workdir
                    + " java -jar enrich-streams/target/enrich-streams.jar");
        }
        System.out.println("  Watch:        kcat -b " + bootstrap + " -t articles.enriched -C");
        System.out.println("  Stop:         Ctrl-C");
        System.out.println();
        stopped.await();
    }
}
