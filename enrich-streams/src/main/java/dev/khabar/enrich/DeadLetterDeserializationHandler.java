package dev.khabar.enrich;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log-and-continue with the dead-letter topic for unreadable records, plus one line each and a count by cause. */
public final class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private EnrichMetrics metrics = EnrichMetrics.none();

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = EnrichMetrics.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        metrics.deadLettered("deserialization", exception);
        LOG.info("Dead-lettered unreadable {} from {}-{}@{}: {}",
                record.key() == null ? "record" : new String(record.key(), StandardCharsets.UTF_8), record.topic(),
                record.partition(), record.offset(), exception.toString());
        return response;
    }
}
