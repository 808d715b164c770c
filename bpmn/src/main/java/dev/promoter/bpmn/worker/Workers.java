package dev.promoter.bpmn.worker;

import dev.promoter.registry.Approvals;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.workflows.activities.EvaluationActivities;
import dev.promoter.workflows.activities.RegistryActivities;
import dev.promoter.workflows.rollout.RolloutActivities;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The CPU pool's job workers, and their subscription to an engine. */
public final class Workers {
  /** Who the audit log names for what the process itself does. */
  public static final String SYSTEM_ACTOR = "promoter";

  private Workers() {}

  /**
   * Every worker of the CPU pool but training (registry, evaluation, approval, rollback, traffic
   * splits, gates and blue-green's warm-up checks), over the same activity implementations as the Temporal pool.
   */
  public static List<ThinWorker> cpuPool(LifecycleRuns runs, Approvals approvals, RegistryActivities registry,
      EvaluationActivities evaluation, RolloutActivities rollouts, Clock clock) {
    return List.of(new RecordRunStartedWorker(runs), new ChooseBestCandidateWorker(registry),
        new EvaluateChampionWorker(registry, evaluation), new RegisterVersionWorker(registry),
        new StageVersionWorker(registry), new SmokeCheckWorker(evaluation),
        new OpenApprovalWorker(registry, clock), new ExpireApprovalWorker(registry),
        new PromoteVersionWorker(registry, approvals::decision), new WithdrawVersionWorker(registry, approvals::decision),
        new RollbackAliasWorker(registry), new RecordRunEndWorker(registry),
        new SetTrafficSplitWorker(rollouts, runs), new ReadGatesWorker(rollouts, runs), new DecideAbTestWorker(rollouts, runs),
        new ClearTrafficSplitWorker(rollouts), new CheckWarmWorker(rollouts, runs),
        new EndKeepWarmWorker(registry, rollouts));
  }

  /** Subscribes each worker to its job type; close the returned workers to stop. */
  public static List<JobWorker> open(CamundaClient client, List<? extends ThinWorker> workers,
      String name) {
    List<JobWorker> open = new ArrayList<>();
    for (ThinWorker w : workers) {
      open.add(client.newWorker().jobType(w.jobType()).handler(w).name(name)
          .timeout(w.timeout()).open());
    }
    return open;
  }
}
