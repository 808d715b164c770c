package dev.promoter.gpu.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.promoter.gpu.encoding.OneHotEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of sequences in, one probability vector per sequence out. It batches itself (one
 * {@code (batch, 5, length)} array straight from the encoder), so DJL's batchifier is off.
 */
final class SequenceTranslator implements NoBatchifyTranslator<List<String>, List<float[]>> {

  private final OneHotEncoder encoder;

  SequenceTranslator(OneHotEncoder encoder) {
    this.encoder = encoder;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, List<String> sequences) {
    return new NDList(encoder.encode(ctx.getNDManager(), sequences));
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
