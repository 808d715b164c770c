package dev.promoter.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The bundled libtorch loads offline: the check every other GPU-pool test stands on. */
class NativeEngineTest {

  @Test
  void pytorchLoadsOfflineAndComputes() {
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.create(new float[] {1, 2, 3});
      assertThat(a.sum().getFloat()).isEqualTo(6f);
    }
  }
}
