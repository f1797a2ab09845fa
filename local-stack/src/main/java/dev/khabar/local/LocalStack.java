package dev.khabar.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.enrich.EnrichConfig;
import dev.khabar.enrich.EnrichService;
import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.ingest.IngestConfig;
import dev.khabar.ingest.IngestService;
import dev.khabar.model.CommonSettings;
import dev.khabar.model.TopicProvisioner;
import dev.khabar.sink.SinkConfig;
import dev.khabar.sink.SinkService;

/**
 * The whole pipeline in one JVM: an embedded broker with the topics created, then enrich-streams, sink-consumer
 * and ingest-producer, all using one work folder. {@link #close()} stops them in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /**
     * @param brokerOnly run just the broker (and create the topics), for services started as their own processes
     */
    public record Options(Path workdir, int kafkaPort, int controllerPort, int partitions, boolean brokerOnly) {
    }

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final String bootstrapServers;

    private LocalStack(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static LocalStack start(Options options) throws IOException {
        return start(options, List.of());
    }

    /**
     * @param settings extra {@code --key=value} settings; each service gets those it defines
     */
    public static LocalStack start(Options options, List<String> settings) throws IOException {
        Path workdir = options.workdir().toAbsolutePath().normalize();
        for (String folder : List.of("inbox", "done", "failed", "out", "state", "kafka")) {
            Files.createDirectories(workdir.resolve(folder));
        }
        EmbeddedBroker broker = EmbeddedBroker.start(workdir.resolve("kafka"), options.kafkaPort(), options.controllerPort());
        LocalStack stack = new LocalStack(broker.bootstrapServers());
        stack.running.push(broker);
        try {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                new TopicProvisioner(admin, Duration.ofSeconds(60)).ensureTopics(options.partitions(), (short) 1);
            }
            if (!options.brokerOnly()) {
                stack.startServices(workdir, options.partitions(), settings);
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startServices(Path workdir, int partitions, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--" + CommonSettings.WORKDIR_CONFIG + "=" + workdir,
                "--" + CommonSettings.BOOTSTRAP_SERVERS_CONFIG + "=" + bootstrapServers,
                "--" + CommonSettings.TOPIC_PARTITIONS_CONFIG + "=" + partitions));
        args.addAll(settings);
        Map<String, String> env = Map.of();
        EnrichConfig enrichConfig = EnrichConfig.load(env, own(EnrichConfig.DEFINITION, args));
        EnrichService enrich = new EnrichService(enrichConfig, EnrichmentSteps.standard(enrichConfig.nerContext()));
        enrich.start();
        running.push(enrich);
        SinkService sink = new SinkService(SinkConfig.load(env, own(SinkConfig.DEFINITION, args)));
        sink.start();
        running.push(sink);
        IngestService ingest = new IngestService(IngestConfig.load(env, own(IngestConfig.DEFINITION, args)),
                Clock.systemUTC());
        ingest.start();
        running.push(ingest);
    }

    /** The {@code --key=value} settings of {@code args} that {@code definition} knows. */
    static List<String> own(ConfigDef definition, List<String> args) {
        return args.stream().filter(arg -> {
            int eq = arg.indexOf('=');
            return arg.startsWith("--") && eq > 2 && definition.names().contains(arg.substring(2, eq));
        }).toList();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable service = running.pop();
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("Failed to stop {}: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
