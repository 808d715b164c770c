package dev.promoter.rollout;

import dev.promoter.registry.RegistryActivitiesImpl;
import dev.promoter.registry.RegistryException;
import dev.promoter.registry.RolloutFigures;
import dev.promoter.registry.ServingReplicas;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.RolloutActivities;
import dev.promoter.workflows.rollout.Warmth;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Traffic splits and gate readings over the registry database. Registry errors map to activity
 * failures the one way every registry activity maps them: an unreachable database is retried,
 * so an outage never becomes a gate's verdict.
 */
public final class RolloutActivitiesImpl implements RolloutActivities {
  private final TrafficSplits splits;
  private final RolloutFigures figures;
  private final ServingReplicas replicas;
  private final Duration live;
  private final Duration poll;

  /** Activities over one registry database. */
  public RolloutActivitiesImpl(DataSource dataSource) {
    this(dataSource, LIVE, Duration.ofMillis(500));
  }

  /**
   * Activities over one registry database; a serving replica is live while it reported within
   * {@code live}, and the warm-up check reads the reports every {@code poll}.
   */
  public RolloutActivitiesImpl(DataSource dataSource, Duration live, Duration poll) {
    this.splits = new TrafficSplits(dataSource);
    this.figures = new RolloutFigures(dataSource);
    this.replicas = new ServingReplicas(dataSource);
    this.live = live;
    this.poll = poll;
  }

  /**
   * A replica reports about once a second: one that missed five reports has stopped or lost the
   * registry, and a rollout does not wait for it.
   */
  public static final Duration LIVE = Duration.ofSeconds(5);

  @Override
  public long setSplit(String modelName, String alias, int version, String mode, int percent,
      String actor, String reason) {
    return call(() -> splits.set(modelName, alias, version, mode, percent, actor, reason).since().toEpochMilli());
  }

  @Override
  public void clearSplit(String modelName, String alias, String actor, String reason) {
    call(() -> {
      splits.clear(modelName, alias, actor, reason);
      return null;
    });
  }

  @Override
  public GateReading measure(String modelName, int candidate, String route, Integer champion,
      long sinceEpochMillis) {
    Instant since = Instant.ofEpochMilli(sinceEpochMillis);
    return call(() -> {
      RolloutFigures.VersionFigures c = figures.version(modelName, candidate, List.of(route), since);
      RolloutFigures.Agreement agreement = champion == null ? new RolloutFigures.Agreement(0, 0)
          : figures.agreement(modelName, candidate, List.of(route), champion, since);
      // the champion's own answers and its off-path scores of the candidate's requests
      RolloutFigures.VersionFigures h = champion == null ? null
          : figures.version(modelName, champion, List.of("primary", "shadow"), since);
      return new GateReading(c.answered(), c.modelErrors(), c.unavailable(), c.errorRate(),
          c.p99LatencyMs(), agreement.compared(), orNull(agreement.rate()), c.labelled(),
          orNull(c.accuracy()), h == null ? 0 : h.labelled(), h == null ? null : orNull(h.accuracy()));
    });
  }

  @Override
  public Warmth awaitWarm(String modelName, int version, long timeoutMillis) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    // the deadline travels in the heartbeat: a retried attempt keeps the first one's
    long deadline = context.getHeartbeatDetails(Long.class)
        .orElse(System.currentTimeMillis() + timeoutMillis);
    while (true) {
      Warmth w = call(() -> warmth(modelName, version));
      if (w.replicas() == 0 || w.ready() || w.failed() || System.currentTimeMillis() >= deadline) {
        return w;
      }
      context.heartbeat(deadline);
      try {
        Thread.sleep(Math.min(poll.toMillis(), Math.max(1, deadline - System.currentTimeMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
    }
  }

  @Override
  public Warmth checkWarm(String modelName, int version) {
    return call(() -> warmth(modelName, version));
  }

  /** What the live replicas report of a version now. */
  Warmth warmth(String modelName, int version) {
    List<ServingReplicas.Seen> seen = replicas.of(modelName, version, live);
    int warm = 0;
    boolean failed = false;
    List<String> waiting = new ArrayList<>();
    for (ServingReplicas.Seen s : seen) {
      if (s.state() != null && WARM.contains(s.state())) {
        warm++;
      } else {
        failed |= "FAILED".equals(s.state());
        waiting.add(s.replica() + ": " + (s.state() == null ? "not loaded"
            : s.state() + (s.cause() == null ? "" : ": " + s.cause())));
      }
    }
    return new Warmth(seen.size(), warm, waiting, failed);
  }

  /** The states in which a version answers without loading. */
  private static final List<String> WARM = List.of("WARM", "ACTIVE", "DEGRADED");

  private static Double orNull(double d) {
    return Double.isNaN(d) ? null : d;
  }

  private static <T> T call(Supplier<T> body) {
    try {
      return body.get();
    } catch (RegistryException e) {
      throw RegistryActivitiesImpl.failure(e);
    }
  }
}
