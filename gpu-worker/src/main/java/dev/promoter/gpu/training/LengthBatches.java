package dev.promoter.gpu.training;

import dev.promoter.gpu.model.CnnArchitecture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Cuts an epoch's examples into batches of similar length, each padded only to its own longest
 * member (rounded up to whole poolings, at most the network's input length:
 * {@link CnnArchitecture#inputLength}).
 *
 * <p>Why: three of every four examples are 150-500 bp fragments, and padding them to the full
 * 2,000 positions spent most of an epoch convolving zeros. A network whose head pools with the
 * mask of real bases ({@code mean-pooling=1}) gives the same output for a sequence however much
 * padding follows it, so a fragment batch can stop at 512 positions. Without the mask the global
 * max also sees the padding, so such networks keep the fixed length.
 *
 * <p>Batches are formed as in "sortish" sampling: the shuffled examples are taken in windows of
 * {@value #BATCHES_PER_WINDOW} batches, each window is sorted by length and cut into batches, and
 * the batches are shuffled; so every batch is full (bar the last) and still a random draw of
 * examples of its length.
 */
final class LengthBatches {

  /** Batches sorted together: enough for fragments and full records to sort apart. */
  static final int BATCHES_PER_WINDOW = 32;

  private LengthBatches() {}

  /**
   * A batch and the positions to encode it at.
   *
   * @param examples the batch's examples
   * @param length   positions every example is truncated or padded to
   */
  record LengthBatch(List<Example> examples, int length) {}

  /**
   * @param examples       the epoch's examples, shuffled
   * @param batchSize      examples per batch
   * @param architecture   the network, which says whether batches may be shorter than its input
   * @param random         orders the batches (seeded per epoch, so a resumed epoch is the same)
   * @return the batches in training order
   */
  static List<LengthBatch> of(List<Example> examples, int batchSize, CnnArchitecture architecture,
      Random random) {
    List<LengthBatch> batches = new ArrayList<>();
    if (!architecture.meanPooling()) {
      for (int from = 0; from < examples.size(); from += batchSize) {
        batches.add(new LengthBatch(examples.subList(from, Math.min(examples.size(), from + batchSize)),
            architecture.sequenceLength()));
      }
      return batches;
    }
    int window = batchSize * BATCHES_PER_WINDOW;
    for (int start = 0; start < examples.size(); start += window) {
      List<Example> sorted = new ArrayList<>(examples.subList(start, Math.min(examples.size(), start + window)));
      sorted.sort(Comparator.comparingInt(e -> e.sequence().length()));
      for (int from = 0; from < sorted.size(); from += batchSize) {
        List<Example> chunk = List.copyOf(sorted.subList(from, Math.min(sorted.size(), from + batchSize)));
        batches.add(new LengthBatch(chunk,
            architecture.inputLength(chunk.stream().mapToInt(e -> e.sequence().length()).max().orElse(1))));
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }
}
