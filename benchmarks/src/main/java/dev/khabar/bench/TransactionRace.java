package dev.khabar.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.khabar.local.LocalStack;
import dev.khabar.model.Json;

/**
 * Reproduces, without Streams, how enrich-streams' transactional producer meets the broker: commit, then at once
 * write the next transaction's records to the same partitions, as a stream thread does every commit interval.
 * With transactions v2 the first batch is refused with CONCURRENT_TRANSACTIONS while the last transaction's markers
 * are being written, and with several requests in flight the broker then refuses the later batches with
 * {@code OutOfOrderSequenceException} (count its ERROR lines in the output). Prints the time from the first send of
 * each transaction to its acknowledgement. {@code java -cp benchmarks.jar dev.khabar.bench.TransactionRace
 * [--in-flight 5] [--backoff-ms 100] [--backoff-max-ms 1000] [--transactions 300] [--partitions 12]
 * [--records-per-partition 5]}.
 */
public final class TransactionRace {

    private TransactionRace() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "5"));
        int transactions = Integer.parseInt(options.getOrDefault("transactions", "300"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "12"));
        int perPartition = Integer.parseInt(options.getOrDefault("records-per-partition", "5"));
        Path workdir = Files.createTempDirectory("khabar-txn-race");
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(workdir, freePort(), freePort(), partitions, true))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("race", Optional.of(partitions), Optional.empty()))).all().get();
            }
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "race");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, inFlight);
            props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, Long.parseLong(options.getOrDefault("backoff-ms", "100")));
            props.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, Long.parseLong(options.getOrDefault("backoff-max-ms", "1000")));
            List<Double> firstAckMs = new ArrayList<>();
            long start = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                producer.initTransactions();
                byte[] value = new byte[2_000];
                for (int t = 0; t < transactions; t++) {
                    producer.beginTransaction();
                    long sent = System.nanoTime();
                    List<Future<RecordMetadata>> acks = new ArrayList<>();
                    for (int i = 0; i < perPartition; i++) {
                        for (int p = 0; p < partitions; p++) {
                            acks.add(producer.send(new ProducerRecord<>("race", p, null, value)));
                        }
                    }
                    acks.get(0).get();
                    firstAckMs.add((System.nanoTime() - sent) / 1e6);
                    producer.commitTransaction();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            RunResult result = new RunResult(transactions, transactions, 0, seconds, firstAckMs);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("task", "txn-race");
            json.put("in_flight", inFlight);
            json.put("retry_backoff_ms", props.get(ProducerConfig.RETRY_BACKOFF_MS_CONFIG));
            json.put("retry_backoff_max_ms", props.get(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG));
            json.put("transactions", transactions);
            json.put("partitions", partitions);
            json.put("transactions_per_second", Math.round(transactions / seconds * 10) / 10.0);
            json.put("first_ack_p50_ms", result.percentile(50));
            json.put("first_ack_p95_ms", result.percentile(95));
            json.put("first_ack_p99_ms", result.percentile(99));
            json.put("load_average", PipelineHarness.loadAverage());
            System.out.println(Json.mapper().writeValueAsString(json));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
