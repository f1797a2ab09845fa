package dev.khabar.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-Docker path as a user runs it: embedded KRaft broker plus the three services in one JVM. */
class LocalStackAppIT {

    @Test
    void publishesEnrichesAndWritesTheSeedsWithItsOwnBroker(@TempDir Path workdir) throws IOException {
        LocalStack.Options options = new LocalStack.Options(workdir, freePort(), freePort(), 3, false);
        try (LocalStack stack = LocalStack.start(options)) {
            for (Path seed : PipelineFixture.seeds()) {
                PipelineFixture.drop(seed, workdir.resolve("inbox"), seed.getFileName().toString());
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> PipelineFixture.list(workdir.resolve("out")).size() == 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> PipelineFixture.list(workdir.resolve("done")).size() == 5);
            assertEquals(5, PipelineFixture.list(workdir.resolve("out")).size());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
