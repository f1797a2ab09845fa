package dev.khabar.ops;

/**
 * A service's two probes. Liveness: the process should be kept (false means restart it). Readiness: it is connected
 * to Kafka and doing its work (false means it is starting, rebalancing or cut off from the broker).
 */
public interface Health {

    HealthStatus live();

    HealthStatus ready();
}
