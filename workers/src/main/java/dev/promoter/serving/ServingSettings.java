package dev.promoter.serving;

import java.time.Duration;
import org.springframework.core.env.Environment;

/**
 * Serving's limits and thresholds ({@code promoter.serving.*}).
 *
 * @param maxBatch sequences per request at most
 * @param maxSequenceLength bases per sequence at most
 * @param aliasRefresh how long an alias's resolution is reused before the registry is asked again
 * @param retryFailedAfter how long a version that failed to load is left FAILED before a retry
 * @param window recent requests per version that its health is judged on
 * @param minRequests requests in the window before a version can be judged DEGRADED
 * @param maxErrorRate error rate over which a version is DEGRADED
 * @param maxP95 p95 latency over which a version is DEGRADED
 * @param logQueue predictions waiting for the log writer at most; more are dropped and counted
 * @param logBatch rows per COPY into the log; the writer starts early once this many have queued
 * @param retention how long the prediction log keeps rows; zero keeps them forever
 */
public record ServingSettings(int maxBatch, int maxSequenceLength, Duration aliasRefresh,
    Duration retryFailedAfter, int window, int minRequests, double maxErrorRate, Duration maxP95,
    int logQueue, int logBatch, Duration retention) {

  /** The defaults. */
  public static final ServingSettings DEFAULTS = new ServingSettings(1000, 50_000, Duration.ofSeconds(1),
      Duration.ofSeconds(30), 100, 20, 0.05, Duration.ofSeconds(2), 10_000, 500, Duration.ofDays(30));

  /** From {@code promoter.serving.*}, each with its default. */
  public static ServingSettings from(Environment env) {
    ServingSettings d = DEFAULTS;
    return new ServingSettings(
        env.getProperty("promoter.serving.max-batch", Integer.class, d.maxBatch()),
        env.getProperty("promoter.serving.max-sequence-length", Integer.class, d.maxSequenceLength()),
        env.getProperty("promoter.serving.alias-refresh", Duration.class, d.aliasRefresh()),
        env.getProperty("promoter.serving.retry-failed-after", Duration.class, d.retryFailedAfter()),
        env.getProperty("promoter.serving.window", Integer.class, d.window()),
        env.getProperty("promoter.serving.min-requests", Integer.class, d.minRequests()),
        env.getProperty("promoter.serving.max-error-rate", Double.class, d.maxErrorRate()),
        env.getProperty("promoter.serving.max-p95", Duration.class, d.maxP95()),
        env.getProperty("promoter.serving.log-queue", Integer.class, d.logQueue()),
        env.getProperty("promoter.serving.log-batch", Integer.class, d.logBatch()),
        env.getProperty("promoter.serving.retention", Duration.class, d.retention()));
  }

  /** The same, with another alias refresh and retry delay (tests). */
  public ServingSettings withTimings(Duration aliasRefresh, Duration retryFailedAfter) {
    return new ServingSettings(maxBatch, maxSequenceLength, aliasRefresh, retryFailedAfter, window,
        minRequests, maxErrorRate, maxP95, logQueue, logBatch, retention);
  }
}
