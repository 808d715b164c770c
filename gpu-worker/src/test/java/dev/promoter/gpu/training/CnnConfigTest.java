package dev.promoter.gpu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CnnConfigTest {

  @Test
  void candidateParamsOverrideTheDefaultsAndRoundTrip() {
    CnnConfig config = CnnConfig.fromParams(Map.of("epochs", "3", "channels", "8, 16,32", "seed", "7"));
    assertThat(config.epochs()).isEqualTo(3);
    assertThat(config.channels()).containsExactly(8, 16, 32);
    assertThat(config.seed()).isEqualTo(7);
    assertThat(CnnConfig.fromParams(Map.of("mean-pooling", "0")).architecture(8).meanPooling()).isFalse();
    assertThat(CnnConfig.fromParams(Map.of("mean-pooling", "1")).architecture(8).meanPooling()).isTrue();
    assertThat(config.sequenceLength()).isEqualTo(CnnConfig.defaults().sequenceLength());
    assertThat(CnnConfig.fromParams(config.toParams())).isEqualTo(config);
    assertThat(CnnConfig.fromParams(Map.of("rare-mutation", "0.1")).rareMutation()).isEqualTo(0.1);
  }

  @Test
  void refusesUnknownAndMalformedParams() {
    assertThatThrownBy(() -> CnnConfig.fromParams(Map.of("epoch", "3"))).hasMessageContaining("unknown cnn parameter 'epoch'");
    assertThatThrownBy(() -> CnnConfig.fromParams(Map.of("epochs", "many"))).hasMessageContaining("'epochs'");
    assertThatThrownBy(() -> CnnConfig.fromParams(Map.of("channels", "8,16"))).hasMessageContaining("three");
    assertThatThrownBy(() -> CnnConfig.fromParams(Map.of("mean-pooling", "2"))).hasMessageContaining("not 0 or 1");
    assertThatThrownBy(() -> CnnConfig.fromParams(Map.of("rare-mutation", "0.6"))).hasMessageContaining("rare-mutation");
  }

  @Test
  void theArchitectureHasOneOutputPerClass() {
    assertThat(CnnConfig.defaults().architecture(8).classes()).isEqualTo(8);
    assertThat(CnnConfig.defaults().architecture(8).channels()).isEqualTo(List.of(32, 32, 64));
  }
}
