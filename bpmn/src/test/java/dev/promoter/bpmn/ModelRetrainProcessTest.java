package dev.promoter.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.bpmn.worker.PrepareRetrainWorker;
import dev.promoter.bpmn.worker.ThinWorker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model-retrain}: its cron timer fires when the engine's clock passes it, and starts a lifecycle. */
class ModelRetrainProcessTest {
  @TempDir Path dir;

  @Test
  void theRetrainTimerStartsALifecycle() {
    try (TestEngine engine = new TestEngine(); LifecycleFixture fixture = new LifecycleFixture(dir)) {
      List<ThinWorker> workers = new ArrayList<>(fixture.workers(engine));
      // an unreachable minimum: the lifecycle trains, records its candidate and ends NOT_PROMOTED
      workers.add(new PrepareRetrainWorker(() -> LifecycleFixture.request(2.0, 0.0), Clock.systemUTC()));
      fixture.open(engine, workers);
      assertThat(engine.instancesOf(Processes.LIFECYCLE)).isZero();

      engine.engine.increaseTime(Duration.ofDays(1).plusMinutes(1));
      TestEngine.await(() -> engine.instancesOf(Processes.RETRAIN) >= 1
              && fixture.runs.recent(10).stream().anyMatch(r -> r.status().equals("NOT_PROMOTED")),
          Duration.ofSeconds(60), "a retrain to run a lifecycle");

      var run = fixture.runs.recent(10).getFirst();
      assertThat(run.runId()).startsWith("rrna-retrain-");
      assertThat(run.engine()).isEqualTo("camunda");
      assertThat(run.resultJson()).contains("below the minimum");
      assertThat(engine.instancesOf(Processes.LIFECYCLE)).isEqualTo(1);
    }
  }
}
