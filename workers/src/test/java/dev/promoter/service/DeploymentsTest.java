package dev.promoter.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.workflows.rollout.Rollout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The front door's checks of a deployment strategy: each refusal is bad input naming its field. */
class DeploymentsTest {

  private static LifecycleSpec.Deployment canary(List<Integer> steps, Duration bake, Double agreement) {
    return new LifecycleSpec.Deployment("canary", steps, bake, null, null, agreement, null, null, null, null);
  }

  @Test
  void directIsTheRequestOfOldAndCanaryFillsItsDefaults() {
    assertThat(Deployments.rollout(null, "temporal", null)).isNull();
    assertThat(Deployments.rollout(new LifecycleSpec.Deployment("direct", null, null, null, null, null, null,
        null, null, null), "camunda", null)).isNull();
    Rollout r = Deployments.rollout(canary(null, null, null), "temporal", "after-canary");
    assertThat(r.steps()).containsExactly(10, 25, 50, 100);
    assertThat(r.bake()).isEqualTo(Duration.ofMinutes(10));
    assertThat(r.gates().minAgreement()).isEqualTo(0.9);
    assertThat(Deployments.rollout(canary(List.of(5, 100), Duration.ofSeconds(30), 0.8), "temporal", null)
        .gates().minAgreement()).isEqualTo(0.8);
  }

  @Test
  void canaryShadowAbAndBlueGreenRunOnCamundaToo() {
    assertThat(Deployments.rollout(canary(List.of(50, 100), null, null), "camunda", "after-canary").steps())
        .containsExactly(50, 100);
    for (String strategy : List.of("shadow", "ab", "blue-green")) {
      assertThat(Deployments.rollout(new LifecycleSpec.Deployment(strategy, null, null, null, null, null, null,
          null, null, null), "camunda", null).strategy()).isEqualTo(strategy);
    }
  }

  @Test
  void refusesWhatCannotRun() {
    assertThatThrownBy(() -> Deployments.rollout(new LifecycleSpec.Deployment("rainbow", null, null, null, null,
        null, null, null, null, null), "temporal", null))
        .isInstanceOf(ServiceException.class).hasMessageStartingWith("deployment.strategy: unknown strategy 'rainbow'");
    assertThatThrownBy(() -> Deployments.rollout(canary(List.of(50, 25, 100), null, null), "temporal", null))
        .hasMessage("deployment.steps: shares must rise, each 1-100 %, not [50, 25, 100]");
    assertThatThrownBy(() -> Deployments.rollout(canary(List.of(10, 50), null, null), "temporal", null))
        .hasMessage("deployment.steps: the last step must be 100 %, not 50");
    assertThatThrownBy(() -> Deployments.rollout(canary(null, Duration.ZERO, null), "temporal", null))
        .hasMessageStartingWith("deployment.bake: must be positive");
    assertThatThrownBy(() -> Deployments.rollout(canary(null, null, 1.5), "temporal", null))
        .hasMessage("deployment.minAgreement: must be between 0 and 1, not 1.5");
    // a strategy the BPMN process does not model is refused on Camunda by name
    assertThatThrownBy(() -> Deployments.rollout(new LifecycleSpec.Deployment("rainbow", null, null, null, null,
        null, null, null, null, null), "camunda", null))
        .isInstanceOf(ServiceException.class).hasMessage("deployment.strategy: 'rainbow' does not run on the "
            + "Camunda engine: use one of [direct, canary, shadow, ab, blue-green]");
    assertThatThrownBy(() -> Deployments.rollout(null, "temporal", "after-canary"))
        .hasMessage("approval.decides: 'after-canary' needs deployment.strategy 'canary', not 'direct'");
    assertThatThrownBy(() -> Deployments.rollout(canary(null, null, null), "temporal", "whenever"))
        .hasMessageStartingWith("approval.decides: use one of");
  }

  private static LifecycleSpec.Deployment blueGreen(Duration keepWarm, Duration warmTimeout) {
    return new LifecycleSpec.Deployment("blue-green", null, null, null, null, null, null, null, null, null, null,
        null, null, null, keepWarm, warmTimeout);
  }

  private static LifecycleSpec.Deployment ab(Integer minSample, Integer sampleSize) {
    return new LifecycleSpec.Deployment("ab", null, null, null, null, null, null, null, null, null, null,
        minSample, null, sampleSize, null, null);
  }

  @Test
  void blueGreenFillsItsWindowsAndRefusesBadOnes() {
    Rollout r = Deployments.rollout(blueGreen(null, null), "temporal", null);
    assertThat(r.strategy()).isEqualTo("blue-green");
    assertThat(r.keepWarm()).isEqualTo(Duration.ofMinutes(15));
    assertThat(r.warmTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(Deployments.rollout(blueGreen(Duration.ofMinutes(30), Duration.ofSeconds(90)), "temporal",
        "before-rollout").keepWarm()).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> Deployments.rollout(blueGreen(Duration.ofSeconds(-1), null), "temporal", null))
        .isInstanceOf(ServiceException.class).hasMessage("deployment.keepWarm: must be positive and at most 24 hours, not PT-1S");
    assertThatThrownBy(() -> Deployments.rollout(blueGreen(Duration.ZERO, null), "camunda", null))
        .hasMessage("deployment.keepWarm: must be positive and at most 24 hours, not PT0S");
    assertThatThrownBy(() -> Deployments.rollout(blueGreen(Duration.ofDays(2), null), "temporal", null))
        .hasMessageStartingWith("deployment.keepWarm: must be at most 24 hours");
    assertThatThrownBy(() -> Deployments.rollout(blueGreen(null, Duration.ZERO), "temporal", null))
        .hasMessage("deployment.warmTimeout: must be positive and at most 60 minutes, not PT0S");
    assertThatThrownBy(() -> Deployments.rollout(blueGreen(null, Duration.ofHours(2)), "temporal", null))
        .hasMessage("deployment.warmTimeout: must be at most 60 minutes, not PT2H");
    // the approver decides before the switch; there is no canary to decide after
    assertThatThrownBy(() -> Deployments.rollout(blueGreen(null, null), "temporal", "after-canary"))
        .hasMessage("approval.decides: 'after-canary' needs deployment.strategy 'canary', not 'blue-green'");
    assertThatThrownBy(() -> Deployments.rollout(blueGreen(null, null), "camunda", "after-canary"))
        .hasMessage("approval.decides: 'after-canary' needs deployment.strategy 'canary', not 'blue-green'");
    // on Camunda with the same fields and the same checks
    Rollout camunda = Deployments.rollout(blueGreen(Duration.ofSeconds(15), Duration.ofMinutes(2)), "camunda", null);
    assertThat(camunda.strategy()).isEqualTo("blue-green");
    assertThat(camunda.keepWarm()).isEqualTo(Duration.ofSeconds(15));
    assertThat(camunda.warmTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> Deployments.rollout(blueGreen(Duration.ofDays(2), null), "camunda", null))
        .hasMessageStartingWith("deployment.keepWarm: must be at most 24 hours");
  }

  @Test
  void anAbSampleSizeMayNotStopBeforeTheTestMayDecide() {
    assertThat(Deployments.rollout(ab(50, 200), "temporal", null).sampleSize()).isEqualTo(200);
    assertThat(Deployments.rollout(ab(null, null), "temporal", null).sampleSize()).isNull();
    assertThatThrownBy(() -> Deployments.rollout(ab(null, 60), "temporal", null))
        .hasMessage("deployment.sampleSize: must be at least deployment.minSample (100), not 60");
    assertThatThrownBy(() -> Deployments.rollout(ab(null, 0), "temporal", null))
        .hasMessage("deployment.sampleSize: must be 1-1000000, not 0");
    // on Camunda with the same field and the same checks (model-lifecycle.bpmn version 4)
    assertThat(Deployments.rollout(ab(null, null), "camunda", null).strategy()).isEqualTo("ab");
    assertThat(Deployments.rollout(ab(50, 200), "camunda", null).sampleSize()).isEqualTo(200);
    assertThatThrownBy(() -> Deployments.rollout(ab(null, 60), "camunda", null))
        .hasMessage("deployment.sampleSize: must be at least deployment.minSample (100), not 60");
  }
}
