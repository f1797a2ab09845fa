package dev.khabar.model;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class BrokerWatchTest {

    static final String NOWHERE = "kafka-not-there.invalid:9092";

    @Test
    void malformedBootstrapAddressesAreRejectedNamingTheEntry() {
        for (String bad : List.of("localhost", "kafka:notaport", "bad address", "kafka:99999")) {
            ConfigException e = assertThrows(ConfigException.class, () -> BrokerWatch.addresses("kafka:9092," + bad), bad);
            assertTrue(e.getMessage().startsWith(CommonSettings.BOOTSTRAP_SERVERS_CONFIG), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad + "' is not host:port"), e.getMessage());
        }
        ConfigException none = assertThrows(ConfigException.class, () -> BrokerWatch.addresses(" , "));
        assertTrue(none.getMessage().endsWith("names no broker"), none.getMessage());
    }

    @Test
    void wellFormedAddressesAreAcceptedWhetherOrNotTheyResolve() {
        assertEquals(List.of(InetSocketAddress.createUnresolved("kafka-not-there.invalid", 9092),
                        InetSocketAddress.createUnresolved("::1", 9093), InetSocketAddress.createUnresolved("kafka", 9094)),
                BrokerWatch.addresses(NOWHERE + ", [::1]:9093,kafka:9094"));
        assertFalse(BrokerWatch.resolves(NOWHERE));
        assertTrue(BrokerWatch.resolves(NOWHERE + ",127.0.0.1:1"));
    }

    @Test
    void aMalformedKafkaBootstrapServersFailsTheConfigurationAtOnce() {
        ConfigDef def = CommonSettings.define(new ConfigDef());
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka");
        ConfigException e = assertThrows(ConfigException.class,
                () -> CommonSettings.from(ConfigLoader.load(def, env, List.of()), env));
        assertTrue(e.getMessage().contains("'kafka' is not host:port"), e.getMessage());
    }

    @Test
    void unreachableTimeoutDefaultsToThirtySecondsAndIsProbedEveryThirdAtMostTenSeconds() {
        ConfigDef def = BrokerWatch.define(new ConfigDef());
        assertEquals(Duration.ofSeconds(30), BrokerWatch.unreachableTimeout(ConfigLoader.load(def, Map.of(), List.of())));
        assertEquals(Duration.ofMillis(1500), BrokerWatch.unreachableTimeout(ConfigLoader.load(def,
                Map.of("KHABAR_BROKER_UNREACHABLE_TIMEOUT_MS", "1500"), List.of())));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(def, Map.of(),
                List.of("--" + BrokerWatch.UNREACHABLE_TIMEOUT_MS_CONFIG + "=0")));
        assertEquals(Duration.ofSeconds(10), BrokerWatch.probeInterval(Duration.ofSeconds(30)));
        assertEquals(Duration.ofMillis(500), BrokerWatch.probeInterval(Duration.ofMillis(1500)));
    }

    @Test
    void waitsWithWarningsWhileTheBootstrapNameDoesNotResolveAndTurnsUnreadyAfterTheTimeout() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(BrokerWatch.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (BrokerWatch watch = new BrokerWatch("test", Map.of("bootstrap.servers", NOWHERE), Duration.ofMillis(900))) {
            assertTrue(watch.unreachable().isEmpty(), "not unready before the timeout");
            watch.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.unreachable().isPresent());
            String detail = watch.unreachable().orElseThrow();
            assertTrue(detail.startsWith("cannot reach the broker " + NOWHERE + " for "), detail);
            assertTrue(detail.contains("broker.unreachable.timeout.ms=900") && detail.contains("resolves"), detail);
            assertTrue(watch.waiting().startsWith("waiting for the broker " + NOWHERE + " to resolve ("), watch.waiting());
            assertFalse(watch.answeredOnce());
            await().atMost(Duration.ofSeconds(5)).until(() -> logged.list.stream().filter(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().startsWith("Waiting for the broker " + NOWHERE + " to resolve")).count() >= 2);
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void awaitingAnAnswerEndsWhenTheWatchIsClosed() throws Exception {
        BrokerWatch watch = new BrokerWatch("test", Map.of("bootstrap.servers", NOWHERE), Duration.ofSeconds(30)).start();
        Thread closer = new Thread(watch::close);
        closer.start();
        assertFalse(watch.awaitAnswer());
        closer.join();
    }
}
