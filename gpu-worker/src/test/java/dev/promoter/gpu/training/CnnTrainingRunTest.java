package dev.promoter.gpu.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.gpu.Devices;
import dev.promoter.gpu.SyntheticRrna;
import dev.promoter.gpu.TestConfigs;
import dev.promoter.gpu.inference.CnnClassifier;
import dev.promoter.gpu.model.CnnModelDirectory;
import dev.promoter.inference.Prediction;
import dev.promoter.sequence.FastaRecord;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small training run shared by the assertions on it: training is the slow part. */
class CnnTrainingRunTest {

  @TempDir static Path work;
  static CnnRunResult result;
  static List<FastaRecord> test;

  @BeforeAll
  static void train() throws Exception {
    List<FastaRecord> train = SyntheticRrna.records(30, 1, "train");
    test = SyntheticRrna.records(10, 2, "test");
    result = CnnTrainingRun.run(train, test, "synthetic", TestConfigs.tiny(4), Devices.select(),
        work.resolve("run"), TrainingState.fresh(), EpochListener.NONE);
  }

  @Test
  void beatsChanceOnFullLengthAndFragments() {
    double chance = 1.0 / SyntheticRrna.CLASSES.size();
    assertThat(result.fullLength().accuracy()).isGreaterThan(0.8);
    assertThat(result.fullLength().macroF1()).isGreaterThan(2 * chance);
    assertThat(result.fragments().macroF1()).isGreaterThan(2 * chance);
  }

  @Test
  void reportsTheSameMetricNamesAsTheKmerModels() {
    assertThat(result.metadata().metrics()).containsKeys("macro_f1", "accuracy", "f1.16S", "f1.non-rRNA",
        "fragments.macro_f1", "epochs", "training_sequences_per_second");
    assertThat(result.metadata().labels()).containsExactlyElementsOf(SyntheticRrna.CLASSES);
  }

  @Test
  void logsEveryEpochOnceWithFallingTrainingLoss() {
    List<EpochStats> log = result.state().log();
    assertThat(log).extracting(EpochStats::epoch).containsExactly(1, 2, 3, 4);
    assertThat(log.get(3).trainLoss()).isLessThan(log.get(0).trainLoss());
  }

  @Test
  void archiveRoundTripGivesIdenticalPredictions() throws Exception {
    List<String> sequences = test.stream().map(FastaRecord::sequence).toList();
    byte[] archive = CnnModelDirectory.archive(result.modelDirectory());
    assertThat(CnnModelDirectory.archive(result.modelDirectory())).as("deterministic").isEqualTo(archive);
    List<Prediction> before;
    try (CnnClassifier original = CnnClassifier.load(result.modelDirectory())) {
      before = original.classify(sequences);
    }
    Path copy = work.resolve("extracted");
    CnnModelDirectory.extract(new ByteArrayInputStream(archive), copy);
    assertThat(CnnModelDirectory.archive(copy)).isEqualTo(archive);
    try (CnnClassifier loaded = CnnClassifier.fromArchive(archive, "test archive")) {
      assertThat(loaded.classify(sequences)).isEqualTo(before);
      assertThat(loaded.labels()).isEqualTo(result.metadata().labels());
    }
    var viaRegistryHook = new dev.promoter.gpu.inference.DjlModelLoader().load(archive, "registered v1");
    assertThat(viaRegistryHook.classify(sequences)).isEqualTo(before);
    ((CnnClassifier) viaRegistryHook).close();
    assertThat(before.get(0).probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }
}
