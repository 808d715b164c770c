package dev.promoter.bpmn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client {@link CamundaConnection} builds runs several jobs at once: with the Camunda client's
 * default of one thread, a training job held every other job of the process, the run's other
 * candidates included, until it ended. Two jobs here wait for each other: they can only both
 * finish when they run at the same time.
 */
class CamundaConnectionJobThreadsTest {
  private ZeebeTestEngine engine;

  @BeforeEach
  void start() {
    engine = EngineFactory.create();
    engine.start();
  }

  @AfterEach
  void stop() {
    engine.stop();
  }

  @Test
  void twoJobsRunAtTheSameTime() throws Exception {
    CamundaSettings settings = new CamundaSettings("http://" + engine.getGatewayAddress(), null, null, null,
        null, null, 0, 4);
    try (CamundaConnection connection = CamundaConnection.connect(settings, false)) {
      assertThat(connection.client().getConfiguration().getNumJobWorkerExecutionThreads()).isEqualTo(4);
      BpmnModelInstance both = Bpmn.createExecutableProcess("both-at-once").startEvent()
          .serviceTask("wait", t -> t.zeebeJobType("wait-for-the-other")
              .multiInstance().parallel().zeebeInputCollectionExpression("[1, 2]"))
          .endEvent().done();
      connection.client().newDeployResourceCommand().addProcessModel(both, "both-at-once.bpmn").send().join();
      CountDownLatch started = new CountDownLatch(2);
      CountDownLatch finished = new CountDownLatch(2);
      try (JobWorker worker = connection.client().newWorker().jobType("wait-for-the-other").handler((client, job) -> {
        started.countDown();
        if (started.await(10, TimeUnit.SECONDS)) {
          client.newCompleteCommand(job).send().join();
          finished.countDown();
        }
      }).timeout(Duration.ofMinutes(1)).open()) {
        connection.client().newCreateInstanceCommand().bpmnProcessId("both-at-once").latestVersion()
            .variables(Map.of()).send().join();
        assertThat(finished.await(30, TimeUnit.SECONDS)).as("both jobs ran at once and completed").isTrue();
      }
    }
  }

  @Test
  void aThreadCountBelowOneIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CamundaSettings(null, null, null, null, null,
        null, 26500, 0)).hasMessageContaining("promoter.camunda.job-threads must be at least 1, not 0");
    assertThat(List.of(new CamundaSettings(null, null, null, null, null, null, 26500, 1))).hasSize(1);
  }
}
