package dev.promoter.gpu.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneHotEncoderTest {

  private static final int A = 0;
  private static final int C = 1;
  private static final int G = 2;
  private static final int T = 3;
  private static final int N = 4;

  /** The channel set at each position, -1 for an all-zero (padding) column. */
  private static int[] channels(float[] out, int b, int length) {
    int[] hot = new int[length];
    for (int i = 0; i < length; i++) {
      hot[i] = -1;
      for (int c = 0; c < OneHotEncoder.CHANNELS; c++) {
        float v = out[(b * OneHotEncoder.CHANNELS + c) * length + i];
        assertThat(v).isIn(0f, 1f);
        if (v == 1f) {
          assertThat(hot[i]).as("one channel per position").isEqualTo(-1);
          hot[i] = c;
        }
      }
    }
    return hot;
  }

  @Test
  void mapsBasesUracilLowerCaseAndAmbiguityCodes() {
    float[] out = new OneHotEncoder(8).encode(List.of("ACGTUacgt".substring(0, 8)));
    assertThat(channels(out, 0, 8)).containsExactly(A, C, G, T, T, A, C, G);
    float[] ambiguous = new OneHotEncoder(5).encode(List.of("NRYK-"));
    assertThat(channels(ambiguous, 0, 5)).containsExactly(N, N, N, N, N);
  }

  @Test
  void padsShortAndTruncatesLongSequences() {
    float[] out = new OneHotEncoder(4).encode(List.of("GA", "TTTTCC"));
    assertThat(channels(out, 0, 4)).containsExactly(G, A, -1, -1);
    assertThat(channels(out, 1, 4)).containsExactly(T, T, T, T);
  }

  @Test
  void fillsAnNdArrayBatchInNcwLayout() {
    OneHotEncoder encoder = new OneHotEncoder(3);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray batch = encoder.encode(manager, List.of("ACG", "TNA"));
      assertThat(batch.getShape()).isEqualTo(new Shape(2, 5, 3));
      // second sequence, channel T, position 0
      assertThat(batch.getFloat(1, T, 0)).isEqualTo(1f);
      assertThat(batch.getFloat(1, N, 1)).isEqualTo(1f);
      assertThat(batch.sum().getFloat()).isEqualTo(6f);
    }
  }

  @Test
  void refusesAnEmptyLength() {
    assertThatThrownBy(() -> new OneHotEncoder(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
