package dev.promoter.consensus.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftVoteEnsembleTest {
  private final SoftVoteEnsemble ensemble = new SoftVoteEnsemble();
  private final Map<String, Double> m1 = Map.of("16S", 0.6, "18S", 0.3, "23S", 0.1);
  private final Map<String, Double> m2 = Map.of("16S", 0.2, "18S", 0.7, "23S", 0.1);

  @Test
  void equalWeightsAverage() {
    EnsemblePrediction p = ensemble.vote(List.of(m1, m2));
    assertThat(p.label()).isEqualTo("18S");
    assertThat(p.probabilities().get("16S")).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(p.probabilities().keySet()).containsExactly("16S", "18S", "23S");
  }

  @Test
  void weightsShiftTheVote() {
    EnsemblePrediction p = ensemble.vote(List.of(m1, m2), List.of(3.0, 1.0));
    assertThat(p.label()).isEqualTo("16S");
    assertThat(p.probabilities().get("16S")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(ensemble.vote(List.of(m1, m2), List.of(0.0, 1.0)).label()).isEqualTo("18S");
  }

  @Test
  void tiesGoToTheSmallestLabel() {
    assertThat(ensemble.vote(List.of(Map.of("b", 0.5, "a", 0.5))).label()).isEqualTo("a");
  }

  @Test
  void validatesWeightsAndLabels() {
    assertThatThrownBy(() -> ensemble.vote(List.of(m1, m2), List.of(1.0))).hasMessageContaining("1 weights for 2 models");
    assertThatThrownBy(() -> ensemble.vote(List.of(m1, m2), List.of(1.0, -1.0))).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> ensemble.vote(List.of(m1, m2), List.of(0.0, 0.0))).hasMessageContaining("all be zero");
    assertThatThrownBy(() -> ensemble.vote(List.of(m1, Map.of("16S", 0.5, "5S", 0.5))))
        .hasMessageContaining("missing [18S, 23S]").hasMessageContaining("extra [5S]");
    assertThatThrownBy(() -> ensemble.vote(List.of(Map.of("a", 1.5)))).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> ensemble.vote(List.of())).hasMessageContaining("no models");
  }

  @Test
  void aModelWithNoProbabilityAbstains() {
    Map<String, Double> none = Map.of("16S", 0.0, "18S", 0.0, "23S", 0.0);
    EnsemblePrediction p = ensemble.vote(List.of(m1, none), List.of(1.0, 3.0));
    assertThat(p.label()).isEqualTo("16S");
    assertThat(p.probabilities()).isEqualTo(new java.util.TreeMap<>(m1));
    assertThat(ensemble.vote(List.of(none, none)).probabilities().values()).containsOnly(0.0);
  }
}
