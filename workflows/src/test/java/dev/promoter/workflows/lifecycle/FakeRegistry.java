package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.activities.TrainedCandidate;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory registry: the business boundary these workflow unit tests replace. The real one
 * (Postgres) is tested in activities/ and end to end in workers/.
 */
class FakeRegistry implements RegistryActivities {
  final Map<String, Integer> aliases = Collections.synchronizedMap(new HashMap<>());
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final Map<String, String> runStatus = Collections.synchronizedMap(new HashMap<>());
  final Map<String, String> approvals = Collections.synchronizedMap(new HashMap<>());
  final Map<String, Integer> keys = Collections.synchronizedMap(new HashMap<>());
  final List<String> rejected = Collections.synchronizedList(new ArrayList<>());
  int versions;
  /** Makes the registry refuse every rollback, as it does when no earlier holder is left. */
  volatile boolean refuseRollback;
  /** Holds openApproval until released, to look at the run while approvers are unknown. */
  volatile java.util.concurrent.CountDownLatch approvalGate = new java.util.concurrent.CountDownLatch(0);
  final Map<String, List<String>> principals = Map.of(
      "alice", List.of("submitter", "approver"),
      "reviewer", List.of("approver"),
      "mallory", List.of("submitter"));

  @Override
  public void runStarted(String runId, String kind, String modelName, String submittedBy, String inputJson) {
    runStatus.put(runId, "RUNNING");
  }

  @Override
  public void runFinished(String runId, String status, String resultJson) {
    runStatus.put(runId, status);
  }

  @Override
  public void recordCandidate(String runId, TrainedCandidate candidate) {
    calls.add("record " + candidate.candidate());
  }

  @Override
  public Integer aliasHolder(String modelName, String alias) {
    return aliases.get(alias);
  }

  @Override
  public synchronized int register(String key, String modelName, TrainedCandidate candidate,
      String actor, String runId) {
    calls.add("register " + candidate.candidate());
    return keys.computeIfAbsent(key, k -> ++versions);
  }

  @Override
  public void promote(String modelName, int version, String alias, String actor, String reason,
      Integer expectedHolder, boolean checkExpected) {
    if (checkExpected && !java.util.Objects.equals(expectedHolder, aliases.get(alias))) {
      throw ApplicationFailure.newNonRetryableFailure("moved meanwhile", "Conflict");
    }
    calls.add("promote v" + version + " " + alias + " by " + actor);
    aliases.put(alias, version);
  }

  @Override
  public int rollback(String modelName, String alias, String actor, String reason, int expectedHolder) {
    if (refuseRollback) {
      throw ApplicationFailure.newNonRetryableFailure("'" + alias + "' of '" + modelName
          + "' has no earlier holder to roll back to", "Conflict");
    }
    calls.add("rollback " + alias + " from v" + expectedHolder);
    aliases.put(alias, expectedHolder - 1);
    return expectedHolder - 1;
  }

  @Override
  public void withdraw(String modelName, int version, String alias, String actor, String reason) {
    calls.add("withdraw v" + version + " " + alias);
    aliases.remove(alias);
    rejected.add("v" + version);
  }

  @Override
  public void reject(String modelName, int version, String actor, String reason) {
    rejected.add("v" + version);
  }

  @Override
  public List<String> openApproval(String runId, String modelName, int version, String alias,
      String requestedBy, String approverRole, long expiresAtEpochMillis) {
    try {
      approvalGate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    approvals.put(runId, "PENDING");
    return principals.entrySet().stream()
        .filter(e -> e.getValue().contains(approverRole) && !e.getKey().equals(requestedBy))
        .map(Map.Entry::getKey).sorted().toList();
  }

  @Override
  public void decideApproval(String runId, String decision, String actor, String reason) {
    approvals.put(runId, decision + " by " + actor);
  }

  @Override
  public Map<String, List<String>> principals() {
    return principals;
  }
}
