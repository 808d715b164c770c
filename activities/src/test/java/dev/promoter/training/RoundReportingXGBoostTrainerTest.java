package dev.promoter.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.sequence.FastaRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class RoundReportingXGBoostTrainerTest {
  static final int ROUNDS = 7;
  static final KmerExamples KMERS = new KmerExamples(5, false);

  /** Round by round or all at once, the same booster, the same distributions, the same provenance. */
  @Test
  void boostingOneRoundPerCallMakesTribuosModel() throws XGBoostError {
    List<String> steps = new ArrayList<>();
    XGBoostModel<Label> reported = trainer(steps::add).train(dataset());
    XGBoostModel<Label> tribuo = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
        XGBoostTrainer.TreeMethod.HIST, ROUNDS, 0.3, 0.0, 4, 1.0, 1.0, 1.0, 1.0, 0.0, 2,
        XGBoostTrainer.LoggingVerbosity.SILENT, 42L).train(dataset());

    assertThat(bytes(reported.getInnerModels())).isEqualTo(bytes(tribuo.getInnerModels()));
    List<Example<Label>> test = KMERS.examples(
        RrnaTrainerTest.TEST.stream().map(FastaRecord::sequence).toList(), null);
    assertThat(scores(reported.predict(test))).isEqualTo(scores(tribuo.predict(test)));
    assertThat(reported.getProvenance().getTrainerProvenance())
        .isEqualTo(tribuo.getProvenance().getTrainerProvenance());
    int size = dataset().size();
    assertThat(steps).containsExactlyElementsOf(IntStream.rangeClosed(1, ROUNDS)
        .mapToObj(r -> "round " + r + "/" + ROUNDS + " over " + size + " examples").toList());
  }

  /**
   * With max_bin set: the model Tribuo's trainer boosts from the same full parameter map, that
   * map (max_bin included) in the provenance, and not the model of XGBoost's default 256 bins.
   */
  @Test
  void histogramBinsAreXgboostsMaxBinAndAreRecorded() throws XGBoostError {
    XGBoostModel<Label> binned = trainer(16, TrainingListener.NONE).train(dataset());
    Map<String, Object> parameters = new HashMap<>(Map.of("booster", "gbtree", "tree_method", "hist",
        "eta", 0.3, "gamma", 0.0, "max_depth", 4, "min_child_weight", 1.0, "subsample", 1.0,
        "colsample_bytree", 1.0, "lambda", 1.0, "alpha", 0.0));
    parameters.putAll(Map.of("nthread", 2, "seed", 42L, "objective", "multi:softprob", "max_bin", 16));
    XGBoostModel<Label> tribuo = new XGBoostClassificationTrainer(ROUNDS, parameters).train(dataset());

    assertThat(bytes(binned.getInnerModels())).isEqualTo(bytes(tribuo.getInnerModels()));
    assertThat(bytes(binned.getInnerModels())).isNotEqualTo(bytes(trainer(TrainingListener.NONE)
        .train(dataset()).getInnerModels()));
    assertThat(binned.getProvenance().getTrainerProvenance().toString()).contains("max_bin=16");
  }

  /** The trainer above compared against Tribuo's went through this conversion, not Tribuo's. */
  @Test
  void kmerExamplesConvertWithoutBoxing() throws XGBoostError {
    MutableDataset<Label> data = dataset();
    ml.dmlc.xgboost4j.java.DMatrix matrix = CsrMatrix.of(data, data.getFeatureIDMap(), data.getOutputIDInfo());
    try {
      assertThat(matrix).isNotNull();
      assertThat(matrix.rowNum()).isEqualTo(data.size());
      assertThat(matrix.getWeight()).contains(RrnaTrainer.inverseFrequencyWeights(
          RrnaTrainerTest.TRAIN.stream().map(RrnaDataset::label).toList()).values().iterator().next());
    } finally {
      matrix.dispose();
    }
  }

  @Test
  void aDefaultXgboostTrainingReportsItsRounds() {
    List<String> steps = new ArrayList<>();
    TrainerConfig config = RrnaTrainerTest.small(TrainerKind.XGBOOST)
        .withHyperparameters(Hyperparameters.defaults().withTrees(3, 3));
    new RrnaTrainer(config).train(RrnaTrainerTest.TRAIN, "test", steps::add);

    assertThat(steps.getFirst()).startsWith("featurizing ");
    assertThat(steps.subList(1, steps.size())).hasSize(3).allMatch(s -> s.matches("round [1-3]/3 over [0-9,]+ examples"));
  }

  private static RoundReportingXGBoostTrainer trainer(TrainingListener listener) {
    return new RoundReportingXGBoostTrainer(XGBoostTrainer.BoosterType.GBTREE,
        XGBoostTrainer.TreeMethod.HIST, ROUNDS, 0.3, 0.0, 4, 1.0, 1.0, 1.0, 1.0, 0.0, 2,
        XGBoostTrainer.LoggingVerbosity.SILENT, 42L, listener);
  }

  private static RoundReportingXGBoostTrainer trainer(int histogramBins, TrainingListener listener) {
    return new RoundReportingXGBoostTrainer(XGBoostTrainer.BoosterType.GBTREE,
        XGBoostTrainer.TreeMethod.HIST, ROUNDS, 0.3, 0.0, 4, 1.0, 1.0, 1.0, 1.0, 0.0, 2,
        XGBoostTrainer.LoggingVerbosity.SILENT, 42L, histogramBins, listener);
  }

  private static MutableDataset<Label> dataset() {
    List<String> sequences = RrnaTrainerTest.TRAIN.stream().map(FastaRecord::sequence).toList();
    List<String> labels = RrnaTrainerTest.TRAIN.stream().map(RrnaDataset::label).toList();
    MutableDataset<Label> data = new MutableDataset<>(KMERS.examples(sequences, labels),
        new SimpleDataSourceProvenance("test", java.time.OffsetDateTime.parse("2000-01-01T00:00Z"),
            new LabelFactory()), new LabelFactory());
    data.setWeights(RrnaTrainer.inverseFrequencyWeights(labels));
    return data;
  }

  private static List<String> bytes(List<Booster> boosters) throws XGBoostError {
    List<String> out = new ArrayList<>();
    for (Booster b : boosters) {
      out.add(java.util.HexFormat.of().formatHex(b.toByteArray()));
    }
    return out;
  }

  private static List<String> scores(List<Prediction<Label>> predictions) {
    return predictions.stream().map(Prediction::getOutputScores).map(Object::toString).toList();
  }
}
