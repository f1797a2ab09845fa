package dev.khabar.model;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every service's {@code main} does around its own work: configuration errors, start, stop on SIGTERM. */
public final class ServiceMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

    private ServiceMain() {
    }

    /** The loaded configuration; on an invalid one, every problem is logged and the JVM exits with status 2. */
    public static <C> C configOrExit(Supplier<C> load) {
        try {
            return load.get();
        } catch (ConfigException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /**
     * Starts the service and blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes it. If the start
     * fails, the failure is logged and the JVM exits with status 1 (the shutdown hook closes the service).
     */
    public static void runUntilShutdown(String name, Runnable start, AutoCloseable service) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", name, e.toString());
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        try {
            start.run();
        } catch (RuntimeException e) {
            // the health server's thread would otherwise keep a service that cannot start alive
            LOG.error("{} cannot start: {}", name, e.toString(), e);
            System.exit(1);
        }
        stopped.await();
    }
}
