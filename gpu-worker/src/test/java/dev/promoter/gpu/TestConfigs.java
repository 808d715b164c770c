package dev.promoter.gpu;

import dev.promoter.gpu.training.CnnConfig;
import java.util.List;

/** A CNN small enough to train on synthetic data in seconds on two CPU cores, with the default head (mean pooling). */
public final class TestConfigs {

  private TestConfigs() {}

  /** @param epochs most epochs @return the tiny config */
  public static CnnConfig tiny(int epochs) {
    return new CnnConfig(512, List.of(8, 16, 16), 7, 16, 0.1f, epochs, 16, 5e-3f, 0.8f, epochs, 1, 0.15, 0, 0.25, 0, 11, true);
  }
}
