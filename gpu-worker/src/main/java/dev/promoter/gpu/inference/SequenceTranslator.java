package dev.promoter.gpu.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.promoter.gpu.encoding.OneHotEncoder;
import dev.promoter.gpu.model.CnnArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of sequences in, one probability vector per sequence out. It batches itself (one
 * {@code (batch, 5, length)} array straight from the encoder), so DJL's batchifier is off. The
 * length is the architecture's {@link CnnArchitecture#inputLength} for the batch's longest
 * sequence: a batch of reads under a masked head is not padded to the full input length.
 */
final class SequenceTranslator implements NoBatchifyTranslator<List<String>, List<float[]>> {

  private final CnnArchitecture architecture;

  SequenceTranslator(CnnArchitecture architecture) {
    this.architecture = architecture;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<String> sequences) {
    int longest = sequences.stream().mapToInt(String::length).max().orElse(1);
    return new NDList(new OneHotEncoder(architecture.inputLength(longest)).encode(ctx.getNDManager(), sequences));
  }

  @Override
  public List<float[]> processOutput(TranslatorContext ctx, NDList list) {
    NDArray probabilities = list.singletonOrThrow().softmax(1);
    int classes = (int) probabilities.getShape().get(1);
    float[] flat = probabilities.toFloatArray();
    List<float[]> rows = new ArrayList<>(flat.length / classes);
    for (int from = 0; from < flat.length; from += classes) {
      rows.add(java.util.Arrays.copyOfRange(flat, from, from + classes));
    }
    return rows;
  }
}
