package dev.promoter.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.registry.TrafficSplits;
import io.camunda.client.api.response.DeploymentEvent;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the lifecycle is versioned: a changed {@code model-lifecycle.bpmn} is deployed beside the
 * old one as the process's next version (Zeebe versions by process id); an instance keeps the
 * version it started on, and new runs start on the latest. Version 1 (before rollouts), version 2
 * (canary, shadow and A/B, before blue-green), version 3 (blue-green, before the A/B test could
 * stop at a sample size) and version 4 (before a move of production could end blue-green's
 * keep-warm window early), as they were deployed, are kept in the test resources, and the current
 * workers still serve each to its end: a version-4 blue-green run waiting out its window when
 * version 5 is deployed ends it on its timer, a {@code production-moved} message meaning nothing
 * to it.
 */
class LifecycleVersionsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path dir;
  private TestEngine engine;
  private LifecycleFixture fixture;

  @BeforeEach
  void open() {
    engine = new TestEngine(false);
    fixture = new LifecycleFixture(dir);
  }

  @AfterEach
  void close() {
    fixture.close();
    engine.close();
  }

  @Test
  void runsStartedOnVersionsOneToFourFinishOnThemWhileNewRunsTakeTheLatest() throws Exception {
    DeploymentEvent first = engine.client.newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/model-rollback.bpmn")
        .addResourceFromClasspath("bpmn/v1/model-lifecycle.bpmn").send().join();
    assertThat(first.getProcesses()).filteredOn(p -> p.getBpmnProcessId().equals(Processes.LIFECYCLE))
        .singleElement().satisfies(p -> assertThat(p.getVersion()).isEqualTo(1));
    fixture.open(engine, fixture.workers(engine));
    String old = "old-" + dir.getFileName();
    long oldKey = engine.lifecycles.start(old, LifecycleFixture.request("rrna-old", 0.5, 0.0));
    TestEngine.await(() -> fixture.approvals.find(old).isPresent(), WAIT, "the approval of " + old);

    // version 2: canary, shadow and A/B, before blue-green
    DeploymentEvent second = engine.client.newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/v2/model-lifecycle.bpmn").send().join();
    assertThat(second.getProcesses()).singleElement().satisfies(p -> assertThat(p.getVersion()).isEqualTo(2));
    String middle = "mid-" + dir.getFileName();
    long middleKey = engine.lifecycles.start(middle, LifecycleFixture.request("rrna-mid", 0.5, 0.0));
    TestEngine.await(() -> fixture.approvals.find(middle).isPresent(), WAIT, "the approval of " + middle);

    // version 3: blue-green, before the A/B test's stop at a sample size
    DeploymentEvent third = engine.client.newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/v3/model-lifecycle.bpmn").send().join();
    assertThat(third.getProcesses()).singleElement().satisfies(p -> assertThat(p.getVersion()).isEqualTo(3));
    String blueGreen = "bg-" + dir.getFileName();
    long blueGreenKey = engine.lifecycles.start(blueGreen, LifecycleFixture.request("rrna-bg", 0.5, 0.0));
    TestEngine.await(() -> fixture.approvals.find(blueGreen).isPresent(), WAIT, "the approval of " + blueGreen);

    // version 4: the A/B test's stop at a sample size, before a move of production could end
    // blue-green's window early; a blue-green run on it against a champion, into its window
    DeploymentEvent fourth = engine.client.newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/v4/model-lifecycle.bpmn").send().join();
    assertThat(fourth.getProcesses()).singleElement().satisfies(p -> assertThat(p.getVersion()).isEqualTo(4));
    fixture.promoteChampion(engine);
    String keepWarm = "bg4-" + dir.getFileName();
    long keepWarmKey = engine.lifecycles.start(keepWarm, BlueGreenProcessTest.challenger());
    fixture.awaitApproval(keepWarm);
    fixture.decide(engine, keepWarm, true, "bob", "switch it");
    engine.awaitEntered(keepWarmKey, "timer_catch_keep_warm", WAIT);

    engine.lifecycles.deploy();
    // version 5 is deployed; the version-4 run has no subscription for the message, so it waits on
    engine.lifecycles.publishProductionMoved(keepWarm);
    engine.engine.increaseTime(BlueGreenProcessTest.KEEP_WARM);
    engine.awaitCompleted(keepWarmKey, WAIT);
    engine.assertThat(keepWarmKey).isCompleted().hasNoIncidents()
        .hasPassedElementsInOrder("timer_catch_keep_warm", "service_task_end_keep_warm");
    assertThat(engine.processVersion(keepWarmKey)).isEqualTo(4);
    assertThat(fixture.runs.get(keepWarm).status()).isEqualTo("PROMOTED");
    assertThat(new TrafficSplits(fixture.db.dataSource()).of("rrna")).isEmpty();

    String current = "new-" + dir.getFileName();
    long newKey = engine.lifecycles.start(current, LifecycleFixture.request("rrna-new", 0.5, 0.0));
    TestEngine.await(() -> fixture.approvals.find(current).isPresent(), WAIT, "the approval of " + current);
    for (String run : new String[] {old, middle, blueGreen, current}) {
      fixture.approvals.decide(run, "APPROVED", "bob", "fine");
      engine.lifecycles.publishDecision(run, true, "bob", "fine");
    }
    engine.awaitCompleted(oldKey, WAIT);
    engine.awaitCompleted(middleKey, WAIT);
    engine.awaitCompleted(blueGreenKey, WAIT);
    engine.awaitCompleted(newKey, WAIT);

    engine.assertThat(oldKey).isCompleted().hasNoIncidents().hasPassedElement("service_task_promote_version")
        .hasNotPassedElement("gateway_rollout_next");
    engine.assertThat(middleKey).isCompleted().hasNoIncidents().hasPassedElement("service_task_promote_version")
        .hasPassedElement("gateway_rollout_next").hasNotPassedElement("gateway_keep_warm");
    engine.assertThat(blueGreenKey).isCompleted().hasNoIncidents().hasPassedElement("service_task_promote_version")
        .hasPassedElement("gateway_rollout_next").hasPassedElement("gateway_keep_warm");
    engine.assertThat(newKey).isCompleted().hasNoIncidents().hasPassedElement("service_task_promote_version")
        .hasPassedElement("gateway_rollout_next").hasPassedElement("gateway_keep_warm");
    // each ran the version it started on (a direct run takes the same path on versions 3, 4 and 5)
    assertThat(engine.processVersion(oldKey)).isEqualTo(1);
    assertThat(engine.processVersion(middleKey)).isEqualTo(2);
    assertThat(engine.processVersion(blueGreenKey)).isEqualTo(3);
    assertThat(engine.processVersion(newKey)).isEqualTo(5);
    for (String run : new String[] {old, middle, blueGreen, current}) {
      assertThat(fixture.runs.get(run).status()).as(run).isEqualTo("PROMOTED");
    }
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(fixture.runs.get(old).resultJson())
        .get("rollout").isNull()).as("a version-1 run has no rollout").isTrue();
  }
}
