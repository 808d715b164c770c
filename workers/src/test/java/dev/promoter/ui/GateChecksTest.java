package dev.promoter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.workflows.rollout.GateReading;
import dev.promoter.workflows.rollout.Gates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each gate's state on the run page agrees with the workflow's own rule, gate by gate. */
class GateChecksTest {
  private static final Gates GATES = new Gates(0.01, 250.0, 0.9, 0.8, 20, 20);

  @Test
  void aGoodStepPassesEveryGateWithItsThresholdBesideItsFigure() {
    Map<String, GateChecks.Check> checks = GateChecks.of(GATES,
        new GateReading(48, 0, 2, 0.0, 1.1, 48, 0.98, 25, 0.96, 30, 0.97));
    assertThat(GATES.failures(new GateReading(48, 0, 2, 0.0, 1.1, 48, 0.98, 25, 0.96, 30, 0.97))).isEmpty();
    assertThat(checks.values()).allMatch(c -> c.state().equals(GateChecks.PASSED));
    assertThat(checks.get(GateChecks.ERROR_RATE)).isEqualTo(new GateChecks.Check("0.0000 (0)", "≤ 0.0100", "passed", ""));
    assertThat(checks.get(GateChecks.P99).threshold()).isEqualTo("≤ 250.0");
    assertThat(checks.get(GateChecks.AGREEMENT).figure()).isEqualTo("0.980 (48)");
    assertThat(checks.get(GateChecks.ACCURACY).figure()).isEqualTo("0.960 (25)");
  }

  @Test
  void exactlyTheGatesTheRuleFailsAreFailed() {
    GateReading bad = new GateReading(48, 2, 0, 0.04, 300.0, 48, 0.5, 25, 0.95, 30, 0.97);
    assertThat(GATES.failures(bad)).hasSize(3);
    Map<String, GateChecks.Check> checks = GateChecks.of(GATES, bad);
    assertThat(checks.get(GateChecks.REQUESTS).state()).isEqualTo("passed");
    assertThat(checks.get(GateChecks.ERROR_RATE).state()).isEqualTo("failed");
    assertThat(checks.get(GateChecks.P99).state()).isEqualTo("failed");
    assertThat(checks.get(GateChecks.AGREEMENT).state()).isEqualTo("failed");
    assertThat(checks.get(GateChecks.ACCURACY).state()).isEqualTo("passed");
  }

  @Test
  void tooLittleEvidenceFailsTheRequestsGateAndJudgesNothingElse() {
    Map<String, GateChecks.Check> checks = GateChecks.of(GATES,
        new GateReading(5, 0, 0, 0.0, 1.0, 5, 0.2, 0, null, 0, null));
    assertThat(checks.get(GateChecks.REQUESTS)).isEqualTo(
        new GateChecks.Check("5", "≥ 20", "failed", "too little evidence is not a pass"));
    assertThat(checks.get(GateChecks.AGREEMENT).state()).isEqualTo("not-judged");
    assertThat(checks.get(GateChecks.ACCURACY)).isEqualTo(
        new GateChecks.Check("n/a (0)", "≥ 0.800", "not-judged", "0 of 20 labels needed"));
  }

  @Test
  void accuracyWaitsForItsLabelsAndUnknownThresholdsShowFiguresAlone() {
    GateReading few = new GateReading(48, 0, 0, 0.0, 1.0, 48, 0.95, 3, 0.0, 6, 1.0);
    assertThat(GATES.failures(few)).isEmpty();
    assertThat(GateChecks.of(GATES, few).get(GateChecks.ACCURACY).state()).isEqualTo("not-judged");
    assertThat(GateChecks.of(null, few).values()).allMatch(c -> c.threshold().isEmpty() && c.state().equals("not-judged"));
  }
}
