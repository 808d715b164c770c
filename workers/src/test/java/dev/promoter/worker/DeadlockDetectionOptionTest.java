package dev.promoter.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The workflow worker's deadlock detection: longer on the embedded dev stack only. */
class DeadlockDetectionOptionTest {

  @Test
  void theEmbeddedServerGivesWorkflowTasksTenSecondsBeforeCallingThemDeadlocked() {
    assertThat(WorkerPools.cpuOptions(PoolTuning.defaults(), true).getDefaultDeadlockDetectionTimeout())
        .isEqualTo(10_000);
  }

  @Test
  void aClusterKeepsTheSdkDefaultOfOneSecond() {
    // unset (0) means the SDK's 1,000 ms
    assertThat(WorkerPools.cpuOptions(PoolTuning.defaults(), false).getDefaultDeadlockDetectionTimeout())
        .isIn(0L, 1_000L);
  }
}
