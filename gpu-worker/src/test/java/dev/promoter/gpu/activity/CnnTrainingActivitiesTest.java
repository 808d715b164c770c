package dev.promoter.gpu.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.experiment.DatasetResolver;
import dev.promoter.gpu.GpuWorker;
import dev.promoter.gpu.SyntheticRrna;
import dev.promoter.gpu.inference.CnnClassifier;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.workflows.activities.TrainedCandidate;
import dev.promoter.workflows.activities.TrainingTask;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and resume on a real Temporal test server: the first attempt dies after epoch 2, the
 * retry resumes from the heartbeat's checkpoint (fetched from the artifact store into a fresh
 * scratch folder) and trains epochs 3 and 4 only.
 */
class CnnTrainingActivitiesTest {

  private static final String WORKFLOW_QUEUE = "test-workflows";

  @TempDir Path tmp;
  private TestWorkflowEnvironment env;
  private final List<String> epochLog = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data/synthetic"));
    writeFasta(data.resolve("train.fasta"), SyntheticRrna.records(20, 1, "train"));
    writeFasta(data.resolve("test.fasta"), SyntheticRrna.records(5, 2, "test"));
    env = TestWorkflowEnvironment.newInstance();
    Worker workflows = env.newWorker(WORKFLOW_QUEUE);
    workflows.registerWorkflowImplementationTypes(TrainOnceWorkflowImpl.class);
    CnnTrainingActivities activities = new CnnTrainingActivities(new FileArtifactStore(tmp.resolve("store")),
        new DatasetResolver(tmp.resolve("data")), state -> {
          int attempt = Activity.getExecutionContext().getInfo().getAttempt();
          epochLog.add("attempt " + attempt + " epoch " + state.epochsDone());
          if (attempt == 1 && state.epochsDone() == 2) {
            throw new IllegalStateException("simulated worker crash after epoch 2");
          }
        });
    GpuWorker.register(env.getWorkerFactory(), "gpu", activities, 1);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aRetriedAttemptResumesFromTheLastCheckpointAndCountsEpochsOnce() throws Exception {
    Map<String, String> params = Map.of("sequence-length", "512", "channels", "8,16,16", "kernel", "7",
        "dense", "16", "epochs", "4", "patience", "4", "batch-size", "16", "fragments", "1",
        "learning-rate", "0.005", "seed", "5");
    TrainingTask task = new TrainingTask("run-1", "rrna", "synthetic", new CandidateConfig("cnn-small", "cnn", null, params));
    TrainOnceWorkflow workflow = env.getWorkflowClient().newWorkflowStub(TrainOnceWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(WORKFLOW_QUEUE).setWorkflowId("train-cnn").build());

    TrainedCandidate trained = workflow.train(task);

    assertThat(epochLog).containsExactly("attempt 1 epoch 1", "attempt 1 epoch 2",
        "attempt 2 epoch 3", "attempt 2 epoch 4");
    assertThat(trained.metrics().get("epochs")).isEqualTo(4.0);
    JsonNode epochs = new ObjectMapper().readTree(trained.provenanceJson()).get("epochs");
    assertThat(StreamSupport.stream(epochs.spliterator(), false).map(e -> e.get("epoch").asInt()))
        .containsExactly(1, 2, 3, 4);
    assertThat(trained.framework()).isEqualTo("djl");
    assertThat(trained.metrics()).containsKeys("macro_f1", "accuracy", "f1.16S", "fragments.macro_f1");
    assertThat(trained.params()).containsEntry("trainer", "cnn").containsEntry("epochs", "4");

    byte[] archive = new FileArtifactStore(tmp.resolve("store")).read(trained.artifactSha256());
    try (CnnClassifier classifier = CnnClassifier.fromArchive(archive, "stored model")) {
      assertThat(classifier.metadata().epochs()).isEqualTo(4);
      assertThat(classifier.classify(List.of("ACGT".repeat(100)))).hasSize(1);
    }
  }

  private static void writeFasta(Path file, List<FastaRecord> records) throws Exception {
    StringBuilder out = new StringBuilder();
    records.forEach(r -> out.append('>').append(r.id()).append(' ').append(r.description()).append('\n')
        .append(r.sequence()).append('\n'));
    Files.writeString(file, out);
  }
}
