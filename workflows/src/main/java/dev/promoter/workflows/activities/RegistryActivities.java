package dev.promoter.workflows.activities;

import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.Map;

/**
 * The registry, as the lifecycle uses it. Every method is idempotent under retries: keys and
 * compare-and-set preconditions make a repeated call return the first call's effect.
 */
@ActivityInterface
public interface RegistryActivities {

  /** Records that a run started. Idempotent by {@code runId}. */
  void runStarted(String runId, String kind, String modelName, String submittedBy, String inputJson);

  /** Records a run's end and its result. Idempotent: the last status written wins. */
  void runFinished(String runId, String status, String resultJson);

  /** Records one trained candidate of a run's experiment. Idempotent by run and candidate. */
  void recordCandidate(String runId, TrainedCandidate candidate);

  /** The version holding {@code alias} now, or null. */
  Integer aliasHolder(String modelName, String alias);

  /**
   * Registers a candidate as a version.
   *
   * @param idempotencyKey run id + step: a retry returns the same version
   * @return the version number
   */
  int register(String idempotencyKey, String modelName, TrainedCandidate candidate, String actor,
      String runId);

  /**
   * Points an alias at a version. Idempotent: promoting the current holder changes nothing.
   *
   * @param expectedHolder refuse unless this version (null: none) holds the alias now, so a
   *     decision taken on a stale view fails instead of overwriting someone else's move
   */
  void promote(String modelName, int version, String alias, String actor, String reason,
      Integer expectedHolder, boolean checkExpected);

  /**
   * Gives an alias back to its previous holder (from the audit log).
   *
   * @param expectedHolder the version the caller wants to roll back; a retry after success sees
   *     another holder and returns the current one without rolling back twice
   * @return the version holding the alias afterwards
   */
  int rollback(String modelName, String alias, String actor, String reason, int expectedHolder);

  /**
   * Compensation: takes {@code alias} away from {@code version} (back to its previous holder,
   * or unset) and rejects the version, so no alias points at a half-made version. Idempotent.
   */
  void withdraw(String modelName, int version, String alias, String actor, String reason);

  /** Marks a version rejected. Idempotent. */
  void reject(String modelName, int version, String actor, String reason);

  /**
   * Opens the approval request for a run: a registry row any UI can list. Idempotent by run.
   *
   * @return the principals who hold {@code approverRole} now, minus the submitter
   */
  List<String> openApproval(String runId, String modelName, int version, String alias,
      String requestedBy, String approverRole, long expiresAtEpochMillis);

  /** Records the decision (APPROVED, REJECTED or EXPIRED) on a run's approval. Idempotent. */
  void decideApproval(String runId, String decision, String actor, String reason);

  /** Roles by principal, for validation outside the registry. */
  Map<String, List<String>> principals();
}
