package dev.promoter.gpu.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.promoter.gpu.encoding.OneHotEncoder;
import java.util.List;

/**
 * The 1D CNN as data, so a saved model can rebuild exactly the block its parameters belong to.
 * Three conv blocks (Conv1d, BatchNorm, ReLU, max pooling), global max pooling, then two dense
 * layers with dropout between them.
 *
 * <p>Global <em>max</em> pooling rather than average: a 150 bp read padded to 1,500 positions
 * would otherwise have its signal diluted ten-fold by the padding.
 *
 * @param sequenceLength positions per input (longer sequences are truncated, shorter padded)
 * @param channels       filters of the three conv blocks
 * @param kernel         conv kernel width (odd, so "same" padding keeps lengths)
 * @param pool           max-pooling width after each conv block
 * @param dense          units of the hidden dense layer
 * @param dropout        dropout rate before the output layer
 * @param classes        output classes
 */
public record CnnArchitecture(int sequenceLength, List<Integer> channels, int kernel, int pool,
    int dense, float dropout, int classes) {

  /** Validates and copies. */
  public CnnArchitecture {
    channels = List.copyOf(channels);
    if (channels.size() != 3 || channels.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("need three positive conv channel counts, got " + channels);
    }
    if (kernel < 1 || kernel % 2 == 0) {
      throw new IllegalArgumentException("kernel must be odd and positive, got " + kernel);
    }
    if (sequenceLength < pool * pool * pool || pool < 1) {
      throw new IllegalArgumentException("sequence length " + sequenceLength
          + " is too short for three poolings of " + pool);
    }
    if (dense < 1 || classes < 2 || dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("need dense >= 1, classes >= 2, 0 <= dropout < 1");
    }
  }

  /**
   * @param sequenceLength positions per input
   * @param classes        output classes
   * @return small defaults that train in about a minute per thousand records on two CPU cores
   */
  public static CnnArchitecture defaults(int sequenceLength, int classes) {
    return new CnnArchitecture(sequenceLength, List.of(16, 32, 64), 9, 4, 64, 0.3f, classes);
  }

  /** @return a fresh, uninitialised block of this shape */
  public Block newBlock() {
    SequentialBlock net = new SequentialBlock();
    for (int filters : channels) {
      net.add(Conv1d.builder().setKernelShape(new Shape(kernel)).optPadding(new Shape(kernel / 2))
              .setFilters(filters).build())
          .add(BatchNorm.builder().build())
          .add(Activation.reluBlock())
          .add(Pool.maxPool1dBlock(new Shape(pool)));
    }
    return net.add(Pool.globalMaxPool1dBlock())
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(dense).build())
        .add(Activation.reluBlock())
        .add(Dropout.builder().optRate(dropout).build())
        .add(Linear.builder().setUnits(classes).build());
  }

  /** @param batch batch size @return the input shape */
  public Shape inputShape(long batch) {
    return encoder().shape(batch);
  }

  /** @return the encoder of this network's inputs */
  public OneHotEncoder encoder() {
    return new OneHotEncoder(sequenceLength);
  }
}
