package dev.promoter.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.sequence.FastaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class SgdEpochProgressTest {
  static final int EPOCHS = 5;
  static final TrainerConfig LOGREG = RrnaTrainerTest.small(TrainerKind.LOGREG)
      .withHyperparameters(Hyperparameters.defaults().withSgd(EPOCHS, 0.5));

  @Test
  void everyEpochIsReportedInOrderAfterFeaturizing() {
    List<String> steps = new ArrayList<>();
    new RrnaTrainer(LOGREG).train(RrnaTrainerTest.TRAIN, "test", steps::add);

    assertThat(steps.getFirst()).startsWith("featurizing ");
    String over = steps.getFirst().substring("featurizing ".length(), steps.getFirst().indexOf(" examples"));
    assertThat(steps.subList(1, steps.size())).containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS)
        .mapToObj(e -> "epoch " + e + "/" + EPOCHS + " over " + over + " examples").toList());
  }

  @Test
  void theLoggingIntervalIsOneEpochOfSteps() {
    assertThat(SgdEpochProgress.loggingInterval(24_753, 1)).isEqualTo(24_753);
    assertThat(SgdEpochProgress.loggingInterval(10, 4)).isEqualTo(3);
    assertThat(SgdEpochProgress.loggingInterval(0, 1)).isEqualTo(1);
  }

  /** The interval decides only when Tribuo logs: the same weights as a trainer that never logs. */
  @Test
  void reportingChangesNoWeightAndPrintsNoLossLine() {
    KmerExamples kmers = new KmerExamples(4, false);
    List<String> sequences = RrnaTrainerTest.TRAIN.stream().map(FastaRecord::sequence).toList();
    List<String> labels = RrnaTrainerTest.TRAIN.stream().map(RrnaDataset::label).toList();
    MutableDataset<Label> data = new MutableDataset<>(kmers.examples(sequences, labels),
        new SimpleDataSourceProvenance("test", new LabelFactory()), new LabelFactory());
    List<LogRecord> printed = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        printed.add(record);
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    Logger tribuo = Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer");
    tribuo.addHandler(handler);
    Model<Label> reported;
    try {
      reported = new RrnaTrainer(LOGREG).train(sequences, labels, "test");
    } finally {
      tribuo.removeHandler(handler);
    }
    Model<Label> silent = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), EPOCHS,
        Integer.MAX_VALUE, 1, LOGREG.seed()).train(weighted(data, labels));

    assertThat(printed).anyMatch(r -> r.getMessage().startsWith("Training SGD model"));
    assertThat(printed).noneMatch(r -> r.getMessage().startsWith("At iteration"));
    List<Example<Label>> test = kmers.examples(
        RrnaTrainerTest.TEST.stream().map(FastaRecord::sequence).toList(), null);
    assertThat(scores(reported, test)).isEqualTo(scores(silent, test));
  }

  private static MutableDataset<Label> weighted(MutableDataset<Label> data, List<String> labels) {
    data.setWeights(RrnaTrainer.inverseFrequencyWeights(labels));
    return data;
  }

  private static List<String> scores(Model<Label> model, List<Example<Label>> test) {
    return model.predict(test).stream().map(Prediction::getOutputScores).map(Object::toString).toList();
  }
}
