package dev.promoter.gpu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.promoter.gpu.SyntheticRrna;
import dev.promoter.gpu.inference.CnnClassifier;
import dev.promoter.gpu.inference.DjlModelLoader;
import dev.promoter.inference.Classifier;
import dev.promoter.inference.Prediction;
import dev.promoter.sequence.FastaRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model saved by the code before format 2 (max pooling only, no {@code meanPooling} field in its
 * metadata) still loads and predicts exactly what it predicted when it was saved. The fixture was
 * trained once on {@link SyntheticRrna} (seed 11, 25 epochs) and is never re-recorded.
 */
class CnnFormatOneModelTest {

  private static final String FIXTURE = "/golden/cnn-format-1/";

  @TempDir Path dir;

  @Test
  void loadsAndPredictsAsWhenSaved() throws Exception {
    for (String file : List.of("cnn-0000.params", "cnn-model.json")) {
      try (InputStream in = getClass().getResourceAsStream(FIXTURE + file)) {
        Files.copy(in, dir.resolve(file));
      }
    }
    List<FastaRecord> test = SyntheticRrna.records(2, 2, "test");
    List<String[]> expected;
    try (InputStream in = getClass().getResourceAsStream(FIXTURE + "expected-predictions.tsv")) {
      expected = new String(in.readAllBytes()).lines().map(l -> l.split("\t")).toList();
    }
    try (CnnClassifier classifier = CnnClassifier.load(dir)) {
      assertThat(classifier.metadata().format()).isEqualTo(1);
      assertThat(classifier.metadata().architecture().meanPooling()).isFalse();
      assertPredictions(classifier, test, expected);
    }
    Classifier viaRegistry = new DjlModelLoader().load(CnnModelDirectory.archive(dir), "format-1 fixture");
    assertPredictions(viaRegistry, test, expected);
    ((CnnClassifier) viaRegistry).close();
  }

  private static void assertPredictions(Classifier classifier, List<FastaRecord> test, List<String[]> expected) {
    List<Prediction> predictions = classifier.classify(test.stream().map(FastaRecord::sequence).toList());
    assertThat(predictions).hasSameSizeAs(expected);
    for (int i = 0; i < predictions.size(); i++) {
      String[] row = expected.get(i);
      assertThat(row[0]).isEqualTo(test.get(i).id());
      assertThat(predictions.get(i).label()).isEqualTo(row[1]);
      for (int c = 0; c < classifier.labels().size(); c++) {
        assertThat(predictions.get(i).probabilities().get(classifier.labels().get(c)))
            .isCloseTo(Double.parseDouble(row[2 + c]), within(1e-5));
      }
    }
  }
}
