package dev.khabar.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process) running in this JVM, with its
 * data in a folder that is kept across restarts.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String CLUSTER_ID = "a2hhYmFyLWxvY2FsLTAx";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code dataDir} on first use and starts the broker on {@code 127.0.0.1:kafkaPort}; the controller
     * listens on {@code controllerPort}.
     */
    public static EmbeddedBroker start(Path dataDir, int kafkaPort, int controllerPort) throws IOException {
        Files.createDirectories(dataDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("logs").toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", "4194304");
        Path propsFile = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
            props.store(out, "Khabar embedded broker");
        }
        format(propsFile);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        LOG.info("Kafka broker listening on {} with data in {}", bootstrap, dataDir);
        return new EmbeddedBroker(server, bootstrap);
    }

    private static void format(Path propsFile) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {"format", "--cluster-id", CLUSTER_ID, "--config",
            propsFile.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IOException("Cannot format the broker's data folder: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker stopped");
    }
}
