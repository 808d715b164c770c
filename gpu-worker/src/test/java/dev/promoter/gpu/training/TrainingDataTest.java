package dev.promoter.gpu.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.sequence.FastaRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainingDataTest {

  /** 60 records of a common class (1,000 bp, so they have fragments) and 6 of a rare 120 bp one. */
  private static List<FastaRecord> records() {
    Random random = new Random(5);
    List<FastaRecord> records = new ArrayList<>();
    for (int i = 0; i < 66; i++) {
      boolean rare = i % 11 == 0;
      StringBuilder bases = new StringBuilder();
      for (int j = 0; j < (rare ? 120 : 1000); j++) {
        bases.append("ACGT".charAt(random.nextInt(4)));
      }
      records.add(new FastaRecord("r" + i, "r" + i + (rare ? " class=5S" : " class=16S"), bases.toString()));
    }
    return records;
  }

  private static CnnConfig config(double rareMutation) {
    return CnnConfig.fromParams(Map.of("rare-mutation", Double.toString(rareMutation), "validation-fraction", "0.1"));
  }

  @Test
  void mutationReplacesAboutItsShareOfBasesWithOtherBasesAndKeepsTheLabel() {
    Example original = new Example("ACGTN".repeat(2000), 3);
    Example copy = TrainingData.mutated(original, 0.1, new Random(1));
    int changed = 0;
    for (int i = 0; i < original.sequence().length(); i++) {
      if (copy.sequence().charAt(i) != original.sequence().charAt(i)) {
        changed++;
        assertThat("ACGT").contains(String.valueOf(copy.sequence().charAt(i)));
      }
    }
    assertThat(changed).isBetween(850, 1150); // 10 % of 10,000, a binomial's +-3.5 sd
    assertThat(copy.label()).isEqualTo(3);
    assertThat(copy.sequence()).hasSameSizeAs(original.sequence());
    assertThat(TrainingData.mutated(original, 0.1, new Random(1))).isEqualTo(copy);
  }

  @Test
  void rareClassRepeatsAreMutatedWhileEveryOriginalStaysAsItWas() {
    TrainingData exact = TrainingData.prepare(records(), config(0));
    TrainingData mutated = TrainingData.prepare(records(), config(0.1));
    List<Example> plain = exact.epoch(1);
    List<Example> noisy = mutated.epoch(1);
    assertThat(noisy).hasSameSizeAs(plain);
    assertThat(mutated.epoch(1)).isEqualTo(noisy); // seeded per epoch

    int rare = exact.labels().indexOf("5S");
    Map<String, Integer> rareOriginals = new HashMap<>();
    exact.fit().stream().filter(r -> r.description().contains("class=5S"))
        .forEach(r -> rareOriginals.merge(r.sequence(), 1, Integer::sum));
    // without mutation the balance fills the rare class with exact copies only
    assertThat(plain.stream().filter(e -> e.label() == rare).map(Example::sequence).distinct())
        .containsExactlyInAnyOrderElementsOf(rareOriginals.keySet());
    // with it each original appears once and the repeats are new sequences of the same length
    List<Example> noisyRare = noisy.stream().filter(e -> e.label() == rare).toList();
    assertThat(noisyRare.stream().filter(e -> rareOriginals.containsKey(e.sequence())).count())
        .isEqualTo(rareOriginals.size());
    assertThat(noisyRare.size()).isGreaterThan(3 * rareOriginals.size());
    assertThat(noisyRare).allSatisfy(e -> assertThat(e.sequence()).hasSize(120));
    // the common class is untouched
    assertThat(noisy.stream().filter(e -> e.label() != rare).map(Example::sequence).sorted().toList())
        .isEqualTo(plain.stream().filter(e -> e.label() != rare).map(Example::sequence).sorted().toList());
  }
}
