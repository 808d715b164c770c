package dev.promoter.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.SyntheticRrna;
import dev.promoter.workflows.activities.TrainingActivities;
import dev.promoter.workflows.activities.TrainingBeat;
import dev.promoter.workflows.activities.TrainingTask;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training activity's heartbeats carry the step it is in: the forest's trees one by one. */
class KmerTrainingActivitiesTest {
  static final CandidateConfig FOREST = new CandidateConfig("forest", "forest", null,
      Map.of("trees", "4", "max-depth", "6", "k", "4"));
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  @TempDir Path dir;

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void everyStepIsBeatenInOrderNamingTheCandidate() throws IOException {
    KmerTrainingActivities training = activities();
    List<String> beats = new CopyOnWriteArrayList<>();

    training.trainAndEvaluate(new TrainingTask("run-1", "m", "synthetic", FOREST), beat -> {
      assertThat(beat.candidate()).isEqualTo("forest");
      beats.add(beat.toString());
    });

    assertThat(beats).allMatch(b -> b.startsWith("training forest for "));
    List<String> steps = beats.stream().map(b -> b.substring(b.indexOf(": ") + 2)).distinct().toList();
    assertThat(steps.getFirst()).isEqualTo("starting");
    assertThat(steps.get(1)).startsWith("featurizing ");
    assertThat(steps.subList(2, 6)).containsExactlyElementsOf(
        IntStream.rangeClosed(1, 4).mapToObj(i -> "tree " + i + "/4").toList());
    assertThat(steps.get(6)).startsWith("scoring on ");
  }

  @Test
  void temporalHeartbeatDetailsAreTrainingBeats() throws IOException {
    env.registerActivitiesImplementations(activities());
    List<TrainingBeat> beats = new CopyOnWriteArrayList<>();
    env.setActivityHeartbeatListener(TrainingBeat.class, beats::add);
    TrainingActivities stub = env.newActivityStub(TrainingActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(5)).setHeartbeatTimeout(Duration.ofMinutes(1)).build());

    stub.trainAndEvaluate(new TrainingTask("run-1", "m", "synthetic", FOREST));

    assertThat(beats).isNotEmpty().allMatch(b -> b.candidate().equals("forest") && b.detail() != null);
  }

  private KmerTrainingActivities activities() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data/synthetic"));
    write(data.resolve("train.fasta"), SyntheticRrna.records(12, 1, 100));
    write(data.resolve("test.fasta"), SyntheticRrna.records(5, 1, 200));
    return new KmerTrainingActivities(new FileArtifactStore(dir.resolve("store")),
        new DatasetResolver(dir.resolve("data")));
  }

  private static void write(Path file, List<FastaRecord> records) throws IOException {
    Files.writeString(file, records.stream()
        .map(r -> ">" + r.id() + " " + r.description() + "\n" + r.sequence() + "\n").collect(Collectors.joining()));
  }
}
