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
  void canaryShadowAndAbRunOnCamundaToo() {
    assertThat(Deployments.rollout(canary(List.of(50, 100), null, null), "camunda", "after-canary").steps())
        .containsExactly(50, 100);
    for (String strategy : List.of("shadow", "ab")) {
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
    // blue-green runs on Temporal only (when it is there); on Camunda it is refused by name
    assertThatThrownBy(() -> Deployments.rollout(new LifecycleSpec.Deployment("blue-green", null, null, null, null,
        null, null, null, null, null), "camunda", null))
        .isInstanceOf(ServiceException.class).hasMessage("deployment.strategy: 'blue-green' does not run on the "
            + "Camunda engine: use one of [direct, canary, shadow, ab]");
    assertThatThrownBy(() -> Deployments.rollout(null, "temporal", "after-canary"))
        .hasMessage("approval.decides: 'after-canary' needs deployment.strategy 'canary', not 'direct'");
    assertThatThrownBy(() -> Deployments.rollout(canary(null, null, null), "temporal", "whenever"))
        .hasMessageStartingWith("approval.decides: use one of");
  }
}
