package dev.khabar.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar khabar-local.jar --workdir DIR [--kafka-port 9092] [--controller-port PORT] [--partitions 3]
 * [--broker-only]}: the whole pipeline with an embedded Kafka broker, no Docker needed.
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
            options = parse(args);
        } catch (IllegalArgumentException e) {
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

    static LocalStack.Options parse(String[] args) {
        Path workdir = null;
        int kafkaPort = 9092;
        Integer controllerPort = null;
        int partitions = 3;
        boolean brokerOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--broker-only" -> brokerOnly = true;
                case "--workdir", "--kafka-port", "--controller-port", "--partitions" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--workdir" -> workdir = Path.of(value);
                        case "--kafka-port" -> kafkaPort = port(arg, value);
                        case "--controller-port" -> controllerPort = port(arg, value);
                        default -> partitions = positive(arg, value);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (workdir == null) {
            throw new IllegalArgumentException("--workdir is required");
        }
        return new LocalStack.Options(workdir, kafkaPort, controllerPort != null ? controllerPort : kafkaPort + 1,
                partitions, brokerOnly);
    }

    private static int port(String option, String value) {
        int port = positive(option, value);
        if (port > 65535) {
            throw new IllegalArgumentException(option + " must be a port number, not " + value);
        }
        return port;
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive whole number, not " + value);
        }
    }
}
