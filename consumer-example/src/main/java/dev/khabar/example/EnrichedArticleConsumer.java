package dev.khabar.example;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.khabar.model.EnrichedArticle;
import dev.khabar.model.Entity;
import dev.khabar.model.KafkaEnvironment;
import dev.khabar.model.Topics;

/**
 * Reads {@code articles.enriched} and prints one line per article: id, language, title and the most mentioned
 * entities. {@code java -jar khabar-consumer-example.jar [BOOTSTRAP_SERVERS]}; every {@code KAFKA_*} environment
 * variable is a client property, as for the services ({@code KAFKA_GROUP_ID}, {@code KAFKA_SECURITY_PROTOCOL}, ...).
 */
public final class EnrichedArticleConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichedArticleConsumer.class);
    static final int TOP_ENTITIES = 5;

    private final KafkaConsumer<String, EnrichedArticle> consumer;

    /** Subscribes with {@code settings} (Kafka client properties) over the example's defaults. */
    public EnrichedArticleConsumer(Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "khabar-example");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putAll(settings);
        // enrich-streams writes in transactions: never show records of an aborted attempt
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.ENRICHED.name()));
    }

    /** Waits up to {@code timeout} for records and returns one line per article received. */
    public List<String> poll(Duration timeout) {
        List<String> lines = new ArrayList<>();
        try {
            for (ConsumerRecord<String, EnrichedArticle> record : consumer.poll(timeout)) {
                lines.add(describe(record.value()));
            }
        } catch (RecordDeserializationException e) {
            // one unreadable record must not stop the consumer: say where it is and step over it
            LOG.warn("Skipping unreadable record at {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        return lines;
    }

    /** Makes a blocked {@link #poll} return, from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    static String describe(EnrichedArticle article) {
        String title = article.title() == null || article.title().isBlank() ? "(no title)"
                : article.title().replace('\n', ' ');
        return article.id() + "  " + article.language().code() + "  " + title + "  | " + topEntities(article);
    }

    /** The {@link #TOP_ENTITIES} most mentioned entities, most first; ties in order of first mention. */
    static String topEntities(EnrichedArticle article) {
        Map<String, Integer> mentions = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        for (Entity entity : article.entities()) {
            mentions.merge(entity.text(), 1, Integer::sum);
            types.putIfAbsent(entity.text(), entity.type());
        }
        return mentions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()) // stable: first mention wins ties
                .limit(TOP_ENTITIES)
                .map(e -> e.getKey() + " (" + types.get(e.getKey()) + ")")
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        Map<String, Object> settings = new HashMap<>(KafkaEnvironment.clientProperties(System.getenv()));
        if (args.length > 0) {
            settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EnrichedArticleConsumer reader = new EnrichedArticleConsumer(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reader.wakeup();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer-example-shutdown"));
        try (reader) {
            while (true) {
                reader.poll(Duration.ofSeconds(1)).forEach(System.out::println);
            }
        } catch (WakeupException e) {
            // Ctrl-C: leave the group cleanly
        } finally {
            stopped.countDown();
        }
    }
}
