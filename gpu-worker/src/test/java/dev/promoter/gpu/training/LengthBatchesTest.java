package dev.promoter.gpu.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.gpu.model.CnnArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LengthBatchesTest {

  private static final CnnArchitecture MASKED = new CnnArchitecture(2000, List.of(4, 8, 8), 5, 4, 8, 0.1f, 3, true);
  private static final CnnArchitecture UNMASKED = new CnnArchitecture(2000, List.of(4, 8, 8), 5, 4, 8, 0.1f, 3, false);

  /** Three fragments (150-500 bp) to every full-length record (1,000-3,000 bp), as in an epoch. */
  private static List<Example> epoch(int n) {
    Random random = new Random(3);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int length = i % 4 == 0 ? 1000 + random.nextInt(2001) : 150 + random.nextInt(351);
      examples.add(new Example("A".repeat(length), i % 3));
    }
    return examples;
  }

  @Test
  void everyExampleOnceInFullBatchesPaddedToTheirOwnLongestMember() {
    List<Example> examples = epoch(1000);
    List<LengthBatches.LengthBatch> batches = LengthBatches.of(examples, 32, MASKED, new Random(1));
    assertThat(batches.stream().flatMap(b -> b.examples().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(examples);
    assertThat(batches).hasSize((1000 + 31) / 32);
    for (LengthBatches.LengthBatch b : batches) {
      int longest = b.examples().stream().mapToInt(e -> e.sequence().length()).max().orElseThrow();
      assertThat(b.length()).isEqualTo(Math.min(2000, (longest + 63) / 64 * 64 + 64));
    }
    // sorting within windows puts the fragments together: most batches stop at 576 positions
    assertThat(batches.stream().filter(b -> b.length() <= 576).count()).isGreaterThan(batches.size() / 2);
  }

  @Test
  void sameSeedSameBatches() {
    List<Example> examples = epoch(300);
    assertThat(LengthBatches.of(examples, 16, MASKED, new Random(9)))
        .isEqualTo(LengthBatches.of(examples, 16, MASKED, new Random(9)));
  }

  @Test
  void anUnmaskedHeadKeepsTheFullLengthAndTheOrder() {
    List<Example> examples = epoch(100);
    List<LengthBatches.LengthBatch> batches = LengthBatches.of(examples, 32, UNMASKED, new Random(1));
    assertThat(batches).allSatisfy(b -> assertThat(b.length()).isEqualTo(2000));
    assertThat(batches.stream().flatMap(b -> b.examples().stream()).toList()).isEqualTo(examples);
    assertThat(UNMASKED.inputLength(150)).isEqualTo(2000);
    // kernel 5: the deeper convolutions reach 2 * 4 * 5 = 40 positions past the end: one more 64
    assertThat(MASKED.inputLength(150)).isEqualTo(256);
    assertThat(MASKED.inputLength(128)).isEqualTo(192);
    assertThat(MASKED.inputLength(1950)).isEqualTo(2000);
  }
}
