package dev.promoter.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class KmerExamplesStepTest {
  static final String GENE = "ACGTTGCAAGGCTTACCGATCGATCGGGCTAAATTTCCGGAACGTACGATCGTAGCTAGCTAGGATCCAATGCAT"
      + "TTGACCAGGTACCGGTTAACCGGTATATATCGCGCGATATAGCGCTTTAAACCCGGGTTTAAACCC";

  @Test
  void valuesAreRoundedToTheStepAndRoundedZerosLeftOut() {
    double step = RrnaTrainer.FOREST_VALUE_STEP;
    ArrayExample<Label> exact = new KmerExamples(4, false).example(GENE, new Label("16S"));
    ArrayExample<Label> rounded = new KmerExamples(4, false, step).example(GENE, new Label("16S"));

    for (Feature f : rounded) {
      assertThat(f.getValue() / step).isCloseTo(Math.rint(f.getValue() / step), offset(1e-9));
      assertThat(f.getValue()).isNotZero().isCloseTo(exact.lookup(f.getName()).getValue(),
          offset(step / 2 + 1e-12));
    }
    long keptAboveHalfStep = java.util.stream.StreamSupport.stream(exact.spliterator(), false)
        .filter(f -> Math.rint(f.getValue() / step) != 0).count();
    assertThat(rounded.size()).isEqualTo((int) keptAboveHalfStep);
  }

  @Test
  void noStepKeepsExactValues() {
    ArrayExample<Label> exact = new KmerExamples(5, false).example(GENE, new Label("16S"));
    ArrayExample<Label> zeroStep = new KmerExamples(5, false, 0).example(GENE, new Label("16S"));
    assertThat(zeroStep).isEqualTo(exact);
  }

  @Test
  void aNegativeStepIsRefused() {
    assertThatThrownBy(() -> new KmerExamples(4, false, -0.1)).isInstanceOf(IllegalArgumentException.class);
  }
}
