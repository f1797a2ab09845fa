package dev.khabar.model;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with its serdes and the retention it is created with.
 *
 * @param retention {@code null} for the broker default
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Duration retention, String description) {
}
