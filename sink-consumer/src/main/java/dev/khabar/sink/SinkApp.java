package dev.khabar.sink;

import java.util.Arrays;

import dev.khabar.model.ServiceMain;

/** Entry point of {@code sink-consumer.jar}: loads the configuration, starts the sink, stops on SIGTERM. */
public final class SinkApp {

    private SinkApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        SinkConfig config = ServiceMain.configOrExit(() -> SinkConfig.load(System.getenv(), Arrays.asList(args)));
        SinkService service = new SinkService(config);
        ServiceMain.runUntilShutdown("sink", service::start, service);
    }
}
