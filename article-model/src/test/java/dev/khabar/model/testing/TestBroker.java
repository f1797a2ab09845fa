package dev.khabar.model.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import kafka.server.BrokerServer;

import dev.khabar.model.TopicProvisioner;

/**
 * A real single-node KRaft broker in this JVM ({@link KafkaClusterTestKit}), meant to be started once
 * per test class.
 */
public final class TestBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private TestBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static TestBroker start() {
        return start(Map.of());
    }

    /** As {@link #start()}, with extra broker settings (another listener, SASL mechanisms, ...). */
    public static TestBroker start(Map<String, String> serverProperties) {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("log.cleaner.dedupe.buffer.size", "4194304")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0");
            serverProperties.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new TestBroker(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the in-JVM Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public KafkaClusterTestKit cluster() {
        return cluster;
    }

    /** Stops the broker (the KRaft controller keeps running), as when the Kafka container goes away. */
    public void stopBroker() {
        cluster.brokers().values().forEach(broker -> {
            broker.shutdown();
            broker.awaitShutdown();
        });
    }

    /** Starts the broker stopped by {@link #stopBroker()} again, on the same listener port. */
    public void restartBroker() {
        try {
            cluster.brokers().values().forEach(BrokerServer::startup);
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot restart the in-JVM Kafka broker", e);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates Khabar's topics with the given partition count. */
    public void createKhabarTopics(int partitions) {
        try (Admin admin = admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensureTopics(partitions, (short) 1);
        }
    }

    /** A unique name for a test's application or group id. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** Reads every committed record of {@code topic} from the beginning up to its current end. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> props = clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, uniqueId("reader"));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading " + topic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
