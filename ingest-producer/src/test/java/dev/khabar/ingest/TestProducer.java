package dev.khabar.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;

import dev.khabar.model.RawArticle;
import dev.khabar.model.Topics;

/** A {@link MockProducer} (serialising with the real serdes) whose broker can be down or refuse big records. */
final class TestProducer extends MockProducer<String, RawArticle> {

    enum Broker { UP, DOWN, REFUSES_LARGE_RECORDS }

    volatile Broker broker = Broker.UP;

    TestProducer() {
        super(true, null, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, RawArticle> record) {
        return send(record, null);
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, RawArticle> record, Callback callback) {
        return switch (broker) {
            case UP -> super.send(record, callback);
            case DOWN -> CompletableFuture.failedFuture(new TimeoutException(
                    "Expiring 1 record(s) for articles.raw-0: 60000 ms has passed since batch creation"));
            case REFUSES_LARGE_RECORDS -> CompletableFuture.failedFuture(new RecordTooLargeException(
                    "The request included a message larger than the max message size the server will accept."));
        };
    }
}
