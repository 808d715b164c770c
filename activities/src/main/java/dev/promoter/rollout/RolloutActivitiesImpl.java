package dev.promoter.rollout;

import dev.promoter.registry.RegistryActivitiesImpl;
import dev.promoter.registry.RegistryException;
import dev.promoter.registry.RolloutFigures;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.RolloutActivities;
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

  /** Activities over one registry database. */
  public RolloutActivitiesImpl(DataSource dataSource) {
    this.splits = new TrafficSplits(dataSource);
    this.figures = new RolloutFigures(dataSource);
  }

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
