package dev.promoter.workflows.lifecycle;

import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.activities.TrainingTask;
import io.temporal.failure.ApplicationFailure;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Scores each candidate from its {@code score} param and notes which pool trained it. */
class FakeTraining implements TrainingActivities {
  final String pool;
  final Map<String, String> trainedBy;

  FakeTraining(String pool, Map<String, String> trainedBy) {
    this.pool = pool;
    this.trainedBy = trainedBy;
  }

  static Map<String, String> log() {
    return Collections.synchronizedMap(new HashMap<>());
  }

  @Override
  public TrainedCandidate trainAndEvaluate(TrainingTask task) {
    trainedBy.put(task.candidate().name(), pool);
    String score = task.candidate().params().get("score");
    if (score == null) {
      throw ApplicationFailure.newNonRetryableFailure("training diverged", "BadInput");
    }
    return new TrainedCandidate(task.candidate().name(), task.candidate().trainer(),
        "file:/a/" + task.candidate().name(), "a".repeat(64), "tribuo",
        Map.of("macro_f1", Double.parseDouble(score)), task.candidate().params(), "{}", "d");
  }
}
