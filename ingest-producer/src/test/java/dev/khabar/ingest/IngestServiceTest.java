package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class IngestServiceTest {

    @Test
    void findsRefusedCredentialsDeepInTheCauses() {
        var refused = new SaslAuthenticationException("Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512");
        var wrapped = new KafkaException("cannot create topics", new ExecutionException(refused));
        assertSame(refused, IngestService.refusal(wrapped));
    }

    @Test
    void findsMissingPermissions() {
        var denied = new TopicAuthorizationException("Not authorized to access topics: [articles.raw]");
        assertSame(denied, IngestService.refusal(new KafkaException(denied)));
    }

    @Test
    void treatsAnUnreachableBrokerAsSomethingToRetry() {
        assertNull(IngestService.refusal(new KafkaException(new ExecutionException(new TimeoutException("timed out")))));
    }
}
