package dev.promoter.gpu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.promoter.gpu.inference.CnnClassifier;
import dev.promoter.inference.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The masked mean pools over the positions that hold bases only: a read's prediction does not
 * depend on how much padding the input length adds, so reads and genes give comparable features.
 * An unmasked mean would shrink with the padding and change every probability.
 */
class MeanPoolingTest {

  @TempDir Path dir;

  @Test
  void aReadScoresTheSameWhateverThePaddingAndTheFormatIsTwo() throws Exception {
    CnnArchitecture shortInput = new CnnArchitecture(256, List.of(4, 8, 8), 5, 4, 8, 0.1f, 3, true);
    CnnArchitecture longInput = new CnnArchitecture(1024, List.of(4, 8, 8), 5, 4, 8, 0.1f, 3, true);
    Engine.getInstance().setRandomSeed(5);
    Path shortDir = dir.resolve("short");
    Path longDir = dir.resolve("long");
    try (Model model = Model.newInstance(CnnModelDirectory.NAME, Device.cpu());
        NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      model.setBlock(shortInput.newBlock());
      model.getBlock().initialize(manager, DataType.FLOAT32, shortInput.inputShape(1));
      CnnModelDirectory.save(model, metadata(shortInput), shortDir);
      CnnModelDirectory.save(model, metadata(longInput), longDir); // same weights, 4x the padding
    }
    String read = "ACGTTGCAGGCTAACGTAGCTAGCTAGGATCCGATCGATTTACGGCATGCAAGCTTGACCGTAGGCTACGATCGGATC"
        + "CGTAGCTAGGCTAGCATCGACTAGCTAGCGGATCGATCAGCTAGCGGCATCGAC";
    try (CnnClassifier a = CnnClassifier.load(shortDir, Device.cpu());
        CnnClassifier b = CnnClassifier.load(longDir, Device.cpu())) {
      assertThat(a.metadata().format()).isEqualTo(2);
      assertThat(a.metadata().architecture().meanPooling()).isTrue();
      Prediction p = a.classify(List.of(read)).get(0);
      Prediction q = b.classify(List.of(read)).get(0);
      for (String label : a.labels()) {
        assertThat(q.probabilities().get(label)).isCloseTo(p.probabilities().get(label), within(1e-5));
      }
    }
  }

  private static CnnMetadata metadata(CnnArchitecture architecture) {
    return new CnnMetadata(CnnMetadata.FORMAT, architecture, List.of("16S", "18S", "non-rRNA"), 5, 0, 0,
        "none", Map.of());
  }
}
