package dev.promoter.gpu.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
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
 * <p>Global <em>max</em> pooling rather than a plain average: a 150 bp read padded to 2,000
 * positions would otherwise have its signal diluted by the padding. With {@code meanPooling} the
 * head also gets the <em>masked</em> mean of every filter over the positions that hold a base
 * (padding excluded), so a read and a whole gene give comparable composition figures, which is
 * what k-mer models live on; the max says whether a motif is present, the mean how common it is.
 *
 * @param sequenceLength positions per input (longer sequences are truncated, shorter padded)
 * @param channels       filters of the three conv blocks
 * @param kernel         conv kernel width (odd, so "same" padding keeps lengths)
 * @param pool           max-pooling width after each conv block
 * @param dense          units of the hidden dense layer
 * @param dropout        dropout rate before the output layer
 * @param classes        output classes
 * @param meanPooling    whether the head sees the masked global mean beside the global max
 *                       (false in format-1 models, which predate it)
 */
public record CnnArchitecture(int sequenceLength, List<Integer> channels, int kernel, int pool,
    int dense, float dropout, int classes, boolean meanPooling) {

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
   * @return the shape of {@link dev.promoter.gpu.training.CnnConfig#defaults()}
   */
  public static CnnArchitecture defaults(int sequenceLength, int classes) {
    return new CnnArchitecture(sequenceLength, List.of(32, 32, 64), 9, 4, 64, 0.3f, classes, true);
  }

  /**
   * @return a fresh, uninitialised block of this shape; without {@code meanPooling} exactly the
   *     flat block of format 1 (its parameter files name every child in order, so a nested trunk
   *     would no longer load them)
   */
  public Block newBlock() {
    SequentialBlock net = new SequentialBlock();
    if (meanPooling) {
      // the trunk beside the mask of positions holding a base, pooled the same way
      net.add(new ParallelBlock(branches -> new NDList(branches.get(0).singletonOrThrow(),
              branches.get(1).singletonOrThrow()),
          List.of(addTrunk(new SequentialBlock()), LambdaBlock.singleton(this::pooledMask, "mask"))))
          .add(new LambdaBlock(CnnArchitecture::maskedMaxAndMean, "masked-max-mean"));
    } else {
      addTrunk(net).add(Pool.globalMaxPool1dBlock());
    }
    return net.add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(dense).build())
        .add(Activation.reluBlock())
        .add(Dropout.builder().optRate(dropout).build())
        .add(Linear.builder().setUnits(classes).build());
  }

  /** Appends the three conv blocks. */
  private SequentialBlock addTrunk(SequentialBlock net) {
    for (int filters : channels) {
      net.add(Conv1d.builder().setKernelShape(new Shape(kernel)).optPadding(new Shape(kernel / 2))
              .setFilters(filters).build())
          .add(BatchNorm.builder().build())
          .add(Activation.reluBlock())
          .add(Pool.maxPool1dBlock(new Shape(pool)));
    }
    return net;
  }

  /** (batch, 5, length) one-hot input to (batch, 1, pooled length): 1 where a window holds a base. */
  private NDArray pooledMask(NDArray input) {
    NDArray mask = input.sum(new int[] {1}, true);
    for (int i = 0; i < channels.size(); i++) {
      mask = Pool.maxPool1d(mask, new Shape(pool), new Shape(pool), new Shape(0), false);
    }
    return mask;
  }

  /** (features, mask) to (batch, 2 x filters): max and mean of each filter over unpadded positions. */
  private static NDList maskedMaxAndMean(NDList featuresAndMask) {
    NDArray mask = featuresAndMask.get(1);
    NDArray masked = featuresAndMask.get(0).mul(mask); // ReLU output is >= 0, so 0 never wins a max
    NDArray positions = mask.sum(new int[] {2}).maximum(1f);
    NDArray mean = masked.sum(new int[] {2}).div(positions);
    return new NDList(NDArrays.concat(new NDList(masked.max(new int[] {2}), mean), 1));
  }

  /**
   * @param longest the longest sequence of a batch
   * @return the positions to encode that batch at. With {@link #meanPooling}: the length rounded
   *     up to whole poolings ({@code pool}^3 positions), plus a margin of padding as wide as the
   *     second and third convolutions reach past the last base ({@code kernel/2 * pool * (pool + 1)},
   *     rounded up the same way), at most {@link #sequenceLength}. The masked head then sees exactly
   *     the values it would see at the full length: the first convolution reads zeros past the end
   *     either way, and the deeper ones read the padding's activations, which the margin keeps.
   *     Without mean pooling always {@link #sequenceLength}, since the unmasked global max sees
   *     every padded position.
   */
  public int inputLength(int longest) {
    if (!meanPooling) {
      return sequenceLength;
    }
    int align = pool * pool * pool;
    int margin = (kernel / 2) * pool * (pool + 1);
    return Math.min(sequenceLength, roundUp(Math.max(1, longest), align) + roundUp(margin, align));
  }

  private static int roundUp(int n, int step) {
    return (n + step - 1) / step * step;
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
