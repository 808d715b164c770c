package dev.promoter.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this process's pools poll and how fast a dead worker's work moves on, under
 * {@code promoter.pools.*} (environment variables in application.yml).
 *
 * @param stickyTimeout how long a workflow task waits on the sticky queue of the worker that has
 *     the run cached before any worker may take it; {@code 0s} turns sticky execution off. Unset:
 *     5 s against a Temporal cluster (the SDK's default, set explicitly here), and off against
 *     the embedded test server, which never times a sticky task out: a killed worker's cached
 *     runs would wait on its queue for ever, and so would queries and approvals sent to them.
 * @param trainingHeartbeatTimeout a training attempt that has not heartbeaten for this long is
 *     given to another worker (the activity's heartbeat timeout); training heartbeats at a third
 *     of it, at most every 10 s. Keep it above a CNN epoch on the GPU pool, which beats per epoch.
 * @param cpuSlots activities the CPU pool runs at once in this process; 0 for the SDK's default
 *     (200). Training is CPU-bound: more slots than cores only share the cores.
 */
@ConfigurationProperties(prefix = "promoter.pools")
public record PoolTuning(Duration stickyTimeout, Duration trainingHeartbeatTimeout, int cpuSlots) {
  /** The SDK's sticky schedule-to-start timeout, used against a Temporal cluster. */
  public static final Duration CLUSTER_STICKY_TIMEOUT = Duration.ofSeconds(5);
  /** Training's heartbeat timeout when none is configured. */
  public static final Duration DEFAULT_TRAINING_HEARTBEAT_TIMEOUT = Duration.ofMinutes(2);

  /** The defaults: sticky timeout by server kind, 2 minutes of heartbeat, the SDK's slots. */
  public static PoolTuning defaults() {
    return new PoolTuning(null, null, 0);
  }

  /** The sticky queue's schedule-to-start timeout for a worker on this kind of server. */
  public Duration stickyTimeout(boolean embeddedTestServer) {
    if (stickyTimeout != null) {
      return stickyTimeout;
    }
    return embeddedTestServer ? Duration.ZERO : CLUSTER_STICKY_TIMEOUT;
  }

  /** Training's heartbeat timeout. */
  public Duration trainingHeartbeat() {
    Duration d = trainingHeartbeatTimeout;
    return d == null || d.isZero() || d.isNegative() ? DEFAULT_TRAINING_HEARTBEAT_TIMEOUT : d;
  }
}
