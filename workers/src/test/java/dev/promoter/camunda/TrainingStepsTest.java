package dev.promoter.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Camunda demo reads while candidates train: the latest step of each, gone when it ends. */
class TrainingStepsTest {

  @Test
  void eachCandidatesLatestStepUntilItsTrainingEnds() {
    TrainingSteps steps = new TrainingSteps();
    assertThat(steps.of("run-1")).isEmpty();
    steps.record("run-1", "logreg", "starting");
    steps.record("run-1", "forest", "featurizing 9,958 examples (k=4)");
    steps.record("run-1", "logreg", "epoch 3/8 over 24,753 examples");
    steps.record("run-2", "logreg", "tree 1/10");
    assertThat(steps.of("run-1")).isEqualTo(Map.of("logreg", "epoch 3/8 over 24,753 examples",
        "forest", "featurizing 9,958 examples (k=4)"));
    Map<String, String> seen = steps.of("run-1");
    steps.record("run-1", "forest", "tree 2/10");
    assertThat(seen).as("a copy, not a view").containsEntry("forest", "featurizing 9,958 examples (k=4)");

    steps.done("run-1", "logreg");
    assertThat(steps.of("run-1")).isEqualTo(Map.of("forest", "tree 2/10"));
    steps.done("run-1", "forest");
    steps.done("run-1", "forest"); // a retried job's second end changes nothing
    assertThat(steps.of("run-1")).isEmpty();
    assertThat(steps.runs()).as("an ended run leaves nothing behind").isEqualTo(1);
    assertThat(steps.of("run-2")).containsOnlyKeys("logreg");
  }
}
