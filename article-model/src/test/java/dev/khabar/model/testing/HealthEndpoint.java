package dev.khabar.model.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's health endpoints over HTTP, as a container healthcheck does. */
public final class HealthEndpoint {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One answer: the HTTP status and the JSON body. */
    public record Answer(int status, String body) {
    }

    private HealthEndpoint() {
    }

    /** A port free now, for {@code metrics.port}. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET {@code path} on 127.0.0.1:{@code port}; status 0 if nothing answers there (yet). */
    public static Answer get(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }

    /** Waits until readiness says it waits for {@code address} to resolve (503) and checks the service is live. */
    public static void assertWaitingForTheName(int port, String address) {
        await().atMost(Duration.ofSeconds(10)).until(() -> get(port, READY).body().contains(" to resolve ("));
        Answer ready = get(port, READY);
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.body().contains("waiting for the broker " + address + " to resolve"), ready.body());
        Answer live = get(port, LIVE);
        assertEquals(200, live.status(), live.body());
    }

    /**
     * From a ready service: stops the broker, waits for readiness to answer 503 naming it while liveness stays 200,
     * restarts the broker and waits for readiness to answer 200 again.
     */
    public static void assertReadinessFollowsTheBroker(TestBroker broker, int port) {
        String address = broker.bootstrapServers();
        assertEquals(200, get(port, READY).status(), "ready before the broker stops");
        broker.stopBroker();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, READY).status() == 503);
        Answer ready = get(port, READY);
        assertTrue(ready.body().contains("cannot reach the broker " + address + " for "), ready.body());
        assertEquals(200, get(port, LIVE).status(), "a dead broker is no reason to restart");

        broker.restartBroker();
        await().atMost(Duration.ofSeconds(60)).until(() -> get(port, READY).status() == 200);
        assertEquals(200, get(port, LIVE).status());
    }
}
