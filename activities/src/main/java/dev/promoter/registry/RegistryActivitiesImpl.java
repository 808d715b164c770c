package dev.promoter.registry;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.activities.TrainedCandidate;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The registry as Temporal activities. Bad input, unknown names and state conflicts become
 * non-retryable failures (types {@code BadInput}, {@code NotFound}, {@code Conflict}) so the
 * workflow sees them at once; an unreachable database is retried by Temporal.
 */
public final class RegistryActivitiesImpl implements RegistryActivities {
  private final ModelRegistry models;
  private final LifecycleRuns runs;
  private final Approvals approvals;
  private final Principals principals;
  private final Experiments experiments;
  private final String codeVersion;

  /** Activities over one registry database; {@code codeVersion} goes into each version's lineage. */
  public RegistryActivitiesImpl(DataSource dataSource, String codeVersion) {
    this.models = new ModelRegistry(dataSource);
    this.runs = new LifecycleRuns(dataSource);
    this.approvals = new Approvals(dataSource);
    this.principals = new Principals(dataSource);
    this.experiments = new Experiments(dataSource);
    this.codeVersion = codeVersion;
  }

  @Override
  public void runStarted(String runId, String kind, String modelName, String submittedBy, String inputJson) {
    call(() -> {
      runs.started(runId, kind, modelName, submittedBy, inputJson);
      return null;
    });
  }

  @Override
  public void runFinished(String runId, String status, String resultJson) {
    call(() -> {
      runs.status(runId, status, resultJson);
      return null;
    });
  }

  @Override
  public void recordCandidate(String runId, TrainedCandidate c) {
    call(() -> {
      experiments.record(new Experiments.Candidate(runId, c.candidate(), c.trainer(), c.framework(),
          c.artifactUri(), c.artifactSha256(), c.metrics(), c.params(), c.datasetDigest()));
      return null;
    });
  }

  @Override
  public Integer aliasHolder(String modelName, String alias) {
    return call(() -> {
      ModelVersion holder = holderOrNull(modelName, alias);
      return holder == null ? null : holder.version();
    });
  }

  @Override
  public int register(String idempotencyKey, String modelName, TrainedCandidate c, String actor,
      String runId) {
    return call(() -> models.register(new NewVersion(modelName, idempotencyKey, c.artifactUri(),
        c.artifactSha256(), c.framework(), c.metrics(), c.params(), c.provenanceJson(),
        new Lineage(c.datasetDigest(), codeVersion, runId), actor)));
  }

  @Override
  public void promote(String modelName, int version, String alias, String actor, String reason,
      Integer expectedHolder, boolean checkExpected) {
    Integer expected = checkExpected ? (expectedHolder == null ? Integer.valueOf(0) : expectedHolder) : null;
    call(() -> {
      // a retry after a successful first attempt finds the alias already ours
      ModelVersion holder = holderOrNull(modelName, alias);
      if (holder != null && holder.version() == version) {
        return null;
      }
      return models.promote(modelName, version, alias, actor, reason, expected);
    });
  }

  @Override
  public int rollback(String modelName, String alias, String actor, String reason, int expectedHolder) {
    return call(() -> {
      ModelVersion holder = holderOrNull(modelName, alias);
      if (holder != null && holder.version() != expectedHolder) {
        return holder.version();
      }
      return models.rollback(modelName, alias, actor, reason, expectedHolder).toVersion();
    });
  }

  @Override
  public void withdraw(String modelName, int version, String alias, String actor, String reason) {
    call(() -> {
      models.withdraw(modelName, version, alias, actor, reason);
      return null;
    });
  }

  @Override
  public void reject(String modelName, int version, String actor, String reason) {
    call(() -> {
      models.reject(modelName, version, actor, reason);
      return null;
    });
  }

  @Override
  public List<String> openApproval(String runId, String modelName, int version, String alias,
      String requestedBy, String approverRole, long expiresAtEpochMillis) {
    return call(() -> approvals.open(runId, modelName, version, alias, requestedBy, approverRole,
        Instant.ofEpochMilli(expiresAtEpochMillis)));
  }

  @Override
  public void decideApproval(String runId, String decision, String actor, String reason) {
    call(() -> {
      approvals.decide(runId, decision, actor, reason);
      return null;
    });
  }

  @Override
  public Map<String, List<String>> principals() {
    return call(principals::all);
  }

  private ModelVersion holderOrNull(String model, String alias) {
    try {
      return models.holder(model, alias);
    } catch (RegistryException e) {
      if (e.reason() == RegistryException.Reason.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private static <T> T call(Supplier<T> body) {
    try {
      return body.get();
    } catch (RegistryException e) {
      throw failure(e);
    }
  }

  /**
   * The one mapping of registry errors to activity failures, for every activity that reads the
   * registry: bad input, unknown names and conflicts fail at once (non-retryable); an unavailable
   * registry stays retryable, so an outage is never taken for a verdict.
   */
  public static ApplicationFailure failure(RegistryException e) {
    return switch (e.reason()) {
      case INVALID -> ApplicationFailure.newNonRetryableFailure(e.getMessage(), "BadInput");
      case NOT_FOUND -> ApplicationFailure.newNonRetryableFailure(e.getMessage(), "NotFound");
      case CONFLICT -> ApplicationFailure.newNonRetryableFailure(e.getMessage(), "Conflict");
      case FORBIDDEN -> ApplicationFailure.newNonRetryableFailure(e.getMessage(), "Forbidden");
      case UNAVAILABLE -> ApplicationFailure.newFailure(e.getMessage(), "Unavailable");
    };
  }
}
