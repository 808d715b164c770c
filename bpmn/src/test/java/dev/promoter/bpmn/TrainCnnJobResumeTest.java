package dev.promoter.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.bpmn.Processes.JobTypes;
import dev.promoter.bpmn.worker.TrainCandidateWorker;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.gpu.activity.CnnTrainingActivities;
import dev.promoter.registry.Experiments;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU pool on Zeebe: a {@code train-cnn} job whose worker dies after epoch 2 is delivered
 * again and resumes from the checkpoint its first delivery stored in a local job variable, so no
 * epoch is trained twice (the CNN runs on DJL's CPU engine here). Channels 8, 16, 16 as in the GPU
 * pool's own tests: with 8, 8, 8 PyTorch's CPU engine turned the network to NaN at its first Adam
 * step in most runs on a 2-core AMD EPYC VM (2026-11-30), which {@code CnnTrainer} now refuses to
 * checkpoint ({@code CnnTrainerNonFiniteLossTest}).
 */
class TrainCnnJobResumeTest {
  @TempDir Path dir;

  @Test
  void aRetriedCnnJobResumesFromItsLastCheckpoint() throws Exception {
    List<Integer> epochs = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean crashed = new AtomicBoolean();
    try (TestEngine engine = new TestEngine(); LifecycleFixture fixture = new LifecycleFixture(dir)) {
      CnnTrainingActivities cnn = new CnnTrainingActivities(new FileArtifactStore(dir.resolve("artifacts")),
          new DatasetResolver(dir.resolve("data")), state -> {
            epochs.add(state.epochsDone());
            if (state.epochsDone() == 2 && crashed.compareAndSet(false, true)) {
              throw new IllegalStateException("simulated worker crash after epoch 2");
            }
          });
      fixture.open(engine, fixture.workers(engine));
      fixture.open(engine, List.of(new TrainCandidateWorker(JobTypes.TRAIN_CNN, cnn::trainAndEvaluate,
          Duration.ofMinutes(1), engine.client)));
      Map<String, String> params = Map.of("sequence-length", "256", "channels", "8,16,16", "kernel", "7",
          "dense", "8", "epochs", "4", "patience", "4", "batch-size", "16", "fragments", "1", "seed", "5");
      long key = engine.lifecycles.start("rrna-cnn", LifecycleFixture.request(0.0, 0.0,
          new CandidateConfig("cnn-small", "cnn", "gpu", params)));

      engine.awaitPassed(key, "sub_process_train_candidates", Duration.ofSeconds(120));
      engine.assertThat(key).hasPassedElement("service_task_train_cnn")
          .hasNotPassedElement("service_task_train_kmer");
      assertThat(epochs).containsExactly(1, 2, 3, 4);
      List<Experiments.Candidate> recorded = new Experiments(fixture.db.dataSource()).of("rrna-cnn");
      TestEngine.await(() -> !new Experiments(fixture.db.dataSource()).of("rrna-cnn").isEmpty(),
          Duration.ofSeconds(30), "the candidate to be recorded");
      recorded = new Experiments(fixture.db.dataSource()).of("rrna-cnn");
      assertThat(recorded).singleElement().satisfies(c -> {
        assertThat(c.framework()).isEqualTo("djl");
        assertThat(c.metrics()).containsEntry("epochs", 4.0);
      });
    }
  }
}
