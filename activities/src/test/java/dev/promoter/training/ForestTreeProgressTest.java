package dev.promoter.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelMetadata;
import dev.promoter.inference.Prediction;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;

class ForestTreeProgressTest {
  static final int TREES = 7;
  static final TrainerConfig FOREST = TrainerConfig.defaults(TrainerKind.FOREST).withK(4)
      .withHyperparameters(Hyperparameters.defaults().withTrees(TREES, 6))
      .withAugmentation(Augmentation.reads(1));

  @Test
  void everyTreeIsReportedInOrderBetweenFeaturizingAndTheEnd() {
    List<String> steps = new ArrayList<>();
    new RrnaTrainer(FOREST).train(RrnaTrainerTest.TRAIN, "test", steps::add);

    assertThat(steps.getFirst()).startsWith("featurizing ").endsWith("(k=4)");
    assertThat(steps.subList(1, steps.size()))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, TREES).mapToObj(i -> "tree " + i + "/" + TREES).toList());
  }

  @Test
  void listeningChangesNoPrediction() {
    Model<Label> heard = new RrnaTrainer(FOREST).train(RrnaTrainerTest.TRAIN, "test", step -> { });
    Model<Label> unheard = new RrnaTrainer(FOREST).train(RrnaTrainerTest.TRAIN, "test");

    assertThat(distributions(heard)).isEqualTo(distributions(unheard));
  }

  @Test
  void aListenerHearsOnlyItsOwnThreadsForest() throws InterruptedException {
    List<String> mine = new CopyOnWriteArrayList<>();
    List<String> other = new CopyOnWriteArrayList<>();
    Thread elsewhere = new Thread(() -> new RrnaTrainer(FOREST.withHyperparameters(
        Hyperparameters.defaults().withTrees(3, 6))).train(RrnaTrainerTest.TRAIN, "test", other::add));
    elsewhere.start();
    new RrnaTrainer(FOREST).train(RrnaTrainerTest.TRAIN, "test", mine::add);
    elsewhere.join();

    assertThat(mine).filteredOn(s -> s.startsWith("tree ")).hasSize(TREES).allMatch(s -> s.endsWith("/" + TREES));
    assertThat(other).filteredOn(s -> s.startsWith("tree ")).containsExactly("tree 1/3", "tree 2/3", "tree 3/3");
  }

  /** Every record's prediction with all its class probabilities, compared exactly. */
  private static List<Prediction> distributions(Model<Label> model) {
    SequenceClassifier classifier = new SequenceClassifier(
        new ModelBundle(model, ModelMetadata.of(FOREST, RrnaLabels.ALL, "test")));
    List<String> sequences = RrnaTrainerTest.TEST.stream().map(FastaRecord::sequence).toList();
    return classifier.classify(sequences);
  }
}
