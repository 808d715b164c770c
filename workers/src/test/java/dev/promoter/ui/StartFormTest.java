package dev.promoter.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.service.LifecycleSpec;
import dev.promoter.service.ServiceException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start form only turns text into the request the REST API takes; the service checks the rest. */
class StartFormTest {

  @Test
  void blankDeploymentFieldsTakeTheDefaultsAndTypedOnesArriveAsTheRestBodyWouldSendThem() {
    StartForm form = new StartForm();
    LifecycleSpec direct = form.toSpec();
    assertThat(direct.deployment()).isEqualTo(new LifecycleSpec.Deployment("direct", null, null, null, null, null,
        null, null, null, null, null, null, null));
    assertThat(direct.approval().decides()).isNull();

    DeploymentFields d = form.getDeployment();
    d.setStrategy("canary");
    d.setSteps(" 10, 25 50%,100 ");
    d.setBake("PT10S");
    d.setMinAgreement("0.95");
    d.setMinRequests("30");
    d.setDecides("after-canary");
    LifecycleSpec canary = form.toSpec();
    assertThat(canary.deployment().steps()).isEqualTo(List.of(10, 25, 50, 100));
    assertThat(canary.deployment().bake()).isEqualTo(Duration.ofSeconds(10));
    assertThat(canary.deployment().minAgreement()).isEqualTo(0.95);
    assertThat(canary.deployment().minRequests()).isEqualTo(30);
    assertThat(canary.approval()).isEqualTo(new LifecycleSpec.Approval(Duration.ofDays(7), "after-canary"));

    d.setStrategy("blue-green");
    d.setDecides("");
    d.setKeepWarm("30m");
    d.setWarmTimeout("PT2M");
    LifecycleSpec blueGreen = form.toSpec();
    assertThat(blueGreen.deployment().keepWarm()).isEqualTo(Duration.ofMinutes(30));
    assertThat(blueGreen.deployment().warmTimeout()).isEqualTo(Duration.ofMinutes(2));
    d.setStrategy("ab");
    d.setSampleSize("400");
    assertThat(form.toSpec().deployment().sampleSize()).isEqualTo(400);
    d.setKeepWarm("soon");
    assertThatThrownBy(form::toSpec).hasMessageStartingWith("invalid deployment.keepWarm 'soon'");
  }

  @Test
  void textThatIsNotANumberIsRefusedNamingTheField() {
    StartForm form = new StartForm();
    form.getDeployment().setStrategy("canary");
    form.getDeployment().setMinLabels("twenty");
    assertThatThrownBy(form::toSpec).isInstanceOf(ServiceException.class)
        .hasMessage("deployment.minLabels must be a whole number, not 'twenty'");
    form.getDeployment().setMinLabels("");
    form.getDeployment().setSteps("10,half,100");
    assertThatThrownBy(form::toSpec).hasMessageStartingWith("deployment.steps: give whole percentages");
  }

  @Test
  void theStrategyListIsTheServersOwn() {
    assertThat(DeploymentFields.choices()).extracting(DeploymentFields.Choice::value)
        .isEqualTo(dev.promoter.workflows.rollout.Rollout.STRATEGIES);
  }
}
