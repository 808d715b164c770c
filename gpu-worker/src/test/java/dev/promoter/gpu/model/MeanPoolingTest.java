package dev.promoter.gpu.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.promoter.gpu.encoding.OneHotEncoder;
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

  /**
   * What lets a batch of reads stop at its own length (CnnArchitecture.inputLength), down to the
   * last base: a read of exactly 128 bases fills its poolings, so only the margin of padding keeps
   * the deeper convolutions at its end reading what they read at the full length.
   */
  @Test
  void theMaskedHeadGivesTheSameOutputsAtTheBatchsOwnLengthAsAtTheFullLength() {
    CnnArchitecture architecture = new CnnArchitecture(2000, List.of(4, 8, 8), 9, 4, 8, 0.1f, 3, true);
    String motif = "ACGTTGCAGGCTAACGTAGCTAGCTAGGATCCGATCGATTTACGGCATGCAAGCTTGACCGTAGGCTACGATCGGATC";
    List<String> reads = List.of(motif, (motif + motif).substring(0, 128));
    Engine.getInstance().setRandomSeed(7);
    try (Model model = Model.newInstance(CnnModelDirectory.NAME, Device.cpu());
        NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      model.setBlock(architecture.newBlock());
      model.getBlock().initialize(manager, DataType.FLOAT32, architecture.inputShape(1));
      // fresh batch norms shift by 0 and conv biases start at 0, which would make the padding's
      // activations 0 and any margin pass; a trained network's are not
      model.getBlock().getParameters().stream().filter(p -> p.getKey().endsWith("beta"))
          .forEach(p -> p.getValue().getArray().addi(0.5f));
      ParameterStore parameters = new ParameterStore(manager, false);
      int own = architecture.inputLength(reads.get(1).length());
      assertThat(own).isEqualTo(256); // 128 + a margin of 4 * 4 * 5 = 80, rounded up to 64s
      float[] padded = model.getBlock().forward(parameters,
          new NDList(new OneHotEncoder(2000).encode(manager, reads)), false).singletonOrThrow().toFloatArray();
      float[] tight = model.getBlock().forward(parameters,
          new NDList(new OneHotEncoder(own).encode(manager, reads)), false).singletonOrThrow().toFloatArray();
      assertThat(tight).containsExactly(padded, within(1e-5f));
      // and the margin is needed: without it the last base's activations change
      float[] bare = model.getBlock().forward(parameters,
          new NDList(new OneHotEncoder(128).encode(manager, reads)), false).singletonOrThrow().toFloatArray();
      assertThat(bare).isNotEqualTo(padded);
    }
  }

  private static CnnMetadata metadata(CnnArchitecture architecture) {
    return new CnnMetadata(CnnMetadata.FORMAT, architecture, List.of("16S", "18S", "non-rRNA"), 5, 0, 0,
        "none", Map.of());
  }
}
