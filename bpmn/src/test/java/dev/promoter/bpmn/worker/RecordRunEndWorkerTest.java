package dev.promoter.bpmn.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Camunda run's verdict says what its rollout added, in the Temporal workflow's words. */
class RecordRunEndWorkerTest {

  @Test
  void aRolloutWithoutAChampionSaysWhatItSkipped() {
    assertThat(RecordRunEndWorker.rolloutNote("PROMOTED", Map.of("strategy", "blue-green")))
        .isEqualTo(" (blue-green skipped: no production version to keep warm)");
    assertThat(RecordRunEndWorker.rolloutNote("PROMOTED", Map.of("strategy", "canary")))
        .isEqualTo(" (canary skipped: no production version to compare with)");
    assertThat(RecordRunEndWorker.rolloutNote("PROMOTED", Map.of("strategy", "blue-green", "champion", 1))).isEmpty();
    assertThat(RecordRunEndWorker.rolloutNote("FAILED", Map.of("strategy", "blue-green"))).isEmpty();
  }
}
