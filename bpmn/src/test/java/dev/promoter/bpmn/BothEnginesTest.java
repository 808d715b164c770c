package dev.promoter.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.workflows.lifecycle.Decision;
import dev.promoter.workflows.lifecycle.LifecycleResult;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflow;
import dev.promoter.workflows.lifecycle.ModelLifecycleWorkflowImpl;
import dev.promoter.workflows.rollback.RollbackWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal SDK and the Camunda client (with the Zeebe engine) share gRPC, Netty, protobuf
 * and Micrometer: one JVM runs a Temporal lifecycle and a Zeebe lifecycle side by side, on the
 * same registry and the same activity implementations, and both end promoted. A version clash
 * (Micrometer 1.9 from the Temporal SDK, see PINS.md) fails this test, not production.
 */
class BothEnginesTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path dir;

  @Test
  void aTemporalLifecycleAndAZeebeLifecycleRunInOneJvm() {
    try (TestEngine zeebe = new TestEngine(); LifecycleFixture fixture = new LifecycleFixture(dir);
        TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance()) {
      Worker cpu = temporal.newWorker("cpu");
      cpu.registerWorkflowImplementationTypes(ModelLifecycleWorkflowImpl.class, RollbackWorkflowImpl.class);
      cpu.registerActivitiesImplementations(fixture.registry, fixture.evaluation, fixture.training);
      temporal.start();
      fixture.open(zeebe, fixture.workers(zeebe));

      ModelLifecycleWorkflow onTemporal = temporal.getWorkflowClient().newWorkflowStub(
          ModelLifecycleWorkflow.class, WorkflowOptions.newBuilder().setWorkflowId("rrna-on-temporal")
              .setTaskQueue("cpu").build());
      WorkflowClient.start(onTemporal::run, LifecycleFixture.request("rrna", 0.5, 0.0));
      long onZeebe = zeebe.lifecycles.start("rrna-on-zeebe",
          LifecycleFixture.request("rrna-camunda", 0.5, 0.0));

      awaitPending(fixture, "rrna-on-temporal");
      awaitPending(fixture, "rrna-on-zeebe");
      assertThat(fixture.approvals.find("rrna-on-temporal").orElseThrow().engine()).isEqualTo("temporal");
      assertThat(fixture.approvals.find("rrna-on-zeebe").orElseThrow().engine()).isEqualTo("camunda");

      onTemporal.approve(new Decision("bob", "temporal run", List.of("approver")));
      fixture.approvals.decide("rrna-on-zeebe", "APPROVED", "carol", "zeebe run");
      zeebe.lifecycles.publishDecision("rrna-on-zeebe", true, "carol", "zeebe run");

      LifecycleResult result = WorkflowStub.fromTyped(onTemporal).getResult(LifecycleResult.class);
      zeebe.awaitCompleted(onZeebe, WAIT);
      assertThat(result.status()).isEqualTo(LifecycleStatus.PROMOTED);
      assertThat(fixture.runs.get("rrna-on-zeebe").status()).isEqualTo("PROMOTED");
      assertThat(fixture.models.holder("rrna", "production").version()).isEqualTo(1);
      assertThat(fixture.models.holder("rrna-camunda", "production").version()).isEqualTo(1);
    }
  }

  private static void awaitPending(LifecycleFixture fixture, String runId) {
    TestEngine.await(() -> fixture.approvals.find(runId).filter(a -> a.status().equals("PENDING")).isPresent(),
        WAIT, "the approval of " + runId);
  }
}
