package dev.khabar.sink;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of {@code sink-consumer.jar}: loads the configuration, starts the sink, stops on SIGTERM. */
public final class SinkApp {

    private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);

    private SinkApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        SinkConfig config;
        try {
            config = SinkConfig.load(System.getenv(), Arrays.asList(args));
        } catch (ConfigException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        SinkService service = new SinkService(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "sink-shutdown"));
        service.start();
        stopped.await();
    }
}
