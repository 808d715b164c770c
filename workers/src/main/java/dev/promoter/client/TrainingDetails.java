package dev.promoter.client;

import dev.promoter.workflows.lifecycle.CandidateProgress;
import dev.promoter.workflows.lifecycle.LifecycleProgress;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverterException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step each training candidate reported last ("tree 4/10", "epoch 3 done"), read from the
 * heartbeat details of the run's pending activities in the server's description of the run, and
 * added to the workflow's own progress. The workflow never sees heartbeats, so this stays out of
 * its decisions and its history.
 */
final class TrainingDetails {
  static final String TRAINING = "TRAINING";
  static final String CNN = "cnn";

  private TrainingDetails() {}

  /** {@code progress} with each training candidate's last reported step, when the server has one. */
  static LifecycleProgress attach(WorkflowClient client, String runId, LifecycleProgress progress) {
    if (progress.candidates().stream().noneMatch(c -> TRAINING.equals(c.state()))) {
      return progress;
    }
    List<Map<?, ?>> beats = new ArrayList<>();
    var description = client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(runId)).build());
    for (PendingActivityInfo activity : description.getPendingActivitiesList()) {
      if (!activity.hasHeartbeatDetails()) {
        continue;
      }
      try {
        Map<?, ?> beat = client.getOptions().getDataConverter().fromPayloads(0,
            Optional.of(activity.getHeartbeatDetails()), Map.class, Map.class);
        if (beat != null) {
          beats.add(beat);
        }
      } catch (DataConverterException e) {
        // a heartbeat of some other shape: it has no step to show
      }
    }
    return attach(progress, beats);
  }

  /**
   * Pure part: a k-mer training's beat names its candidate ({@code TrainingBeat}); a CNN's
   * checkpoint ({@code CnnProgress}) does not, so its epoch goes to the one CNN candidate in
   * training, and to none when there are several.
   */
  static LifecycleProgress attach(LifecycleProgress progress, List<? extends Map<?, ?>> beats) {
    Map<String, String> details = new HashMap<>();
    List<CandidateProgress> cnns = progress.candidates().stream()
        .filter(c -> TRAINING.equals(c.state()) && CNN.equals(c.trainer())).toList();
    for (Map<?, ?> beat : beats) {
      if (beat.get("candidate") instanceof String name && beat.get("detail") instanceof String detail) {
        details.put(name, detail);
      } else if (beat.get("epoch") instanceof Number epoch && cnns.size() == 1) {
        details.put(cnns.getFirst().name(), "epoch " + epoch.intValue() + " done");
      }
    }
    if (details.isEmpty()) {
      return progress;
    }
    List<CandidateProgress> candidates = progress.candidates().stream()
        .map(c -> TRAINING.equals(c.state()) && details.containsKey(c.name())
            ? c.withDetail(details.get(c.name())) : c)
        .toList();
    return new LifecycleProgress(progress.status(), progress.step(), candidates, progress.best(),
        progress.version(), progress.verdict(), progress.champion(), progress.championMetrics(),
        progress.strategy(), progress.rollout());
  }
}
