package dev.khabar.enrich;

import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Log-and-continue with the dead-letter topic, plus one line per record and a count by cause. */
public final class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private EnrichMetrics metrics = EnrichMetrics.none();

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = EnrichMetrics.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        metrics.deadLettered("processing", exception);
        LOG.info("Dead-lettered {} from {}-{}@{} at {}: {}", record.key(), context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), exception.toString());
        return response;
    }
}
