package dev.promoter.gpu.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * One-hot encodes nucleotides into channels A, C, G, T, N of a fixed length, in the NCW layout
 * DJL's {@code Conv1d} expects: {@code out[(b * 5 + channel) * length + position]}.
 *
 * <p>{@code U} counts as {@code T}, lower case as upper case, and every other IUPAC code (and any
 * other byte) as {@code N}, so a read with ambiguity codes is still classified. Longer sequences
 * are truncated to their first {@code length} bases; shorter ones are padded with all-zero
 * columns, which a network can tell apart from {@code N}. No object is made per base: a lookup
 * table maps each char to its channel. Immutable and thread-safe.
 */
public final class OneHotEncoder {

  /** Channels in order: A, C, G, T, N. */
  public static final int CHANNELS = 5;

  private static final byte[] CHANNEL_OF = new byte[128];

  static {
    Arrays.fill(CHANNEL_OF, (byte) 4);
    CHANNEL_OF['A'] = 0;
    CHANNEL_OF['a'] = 0;
    CHANNEL_OF['C'] = 1;
    CHANNEL_OF['c'] = 1;
    CHANNEL_OF['G'] = 2;
    CHANNEL_OF['g'] = 2;
    for (char t : "TtUu".toCharArray()) {
      CHANNEL_OF[t] = 3;
    }
  }

  private final int length;

  /** @param length positions per sequence, at least 1 */
  public OneHotEncoder(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be at least 1, got " + length);
    }
    this.length = length;
  }

  /** @return positions per sequence */
  public int length() {
    return length;
  }

  /**
   * @param sequences nucleotides
   * @return a fresh {@code sequences.size() x 5 x length} buffer, row-major
   */
  public float[] encode(List<String> sequences) {
    float[] out = new float[sequences.size() * CHANNELS * length];
    for (int b = 0; b < sequences.size(); b++) {
      encodeInto(sequences.get(b), out, b);
    }
    return out;
  }

  /**
   * Writes one sequence into slot {@code b} of a zeroed batch buffer.
   *
   * @param sequence nucleotides
   * @param out      a buffer of at least {@code (b + 1) * 5 * length} zeros at the slot
   * @param b        the slot
   */
  public void encodeInto(String sequence, float[] out, int b) {
    int base = b * CHANNELS * length;
    int n = Math.min(sequence.length(), length);
    for (int i = 0; i < n; i++) {
      char c = sequence.charAt(i);
      int channel = c < 128 ? CHANNEL_OF[c] : 4;
      out[base + channel * length + i] = 1f;
    }
  }

  /**
   * @param manager owns the array
   * @param sequences nucleotides
   * @return a float32 array of shape {@code (batch, 5, length)}
   */
  public NDArray encode(NDManager manager, List<String> sequences) {
    return manager.create(FloatBuffer.wrap(encode(sequences)), shape(sequences.size()));
  }

  /** @param batch batch size @return the input shape of a batch */
  public Shape shape(long batch) {
    return new Shape(batch, CHANNELS, length);
  }
}
