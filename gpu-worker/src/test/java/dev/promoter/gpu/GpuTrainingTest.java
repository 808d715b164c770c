package dev.promoter.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.promoter.gpu.training.CnnConfig;
import dev.promoter.gpu.training.CnnRunResult;
import dev.promoter.gpu.training.CnnTrainingRun;
import dev.promoter.gpu.training.EpochListener;
import dev.promoter.gpu.training.TrainingState;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a GPU node (CUDA libtorch, see the README): the engine picks the GPU and the CNN trains on
 * it. Skipped, never failed, where there is no GPU, as on the CPU build.
 */
class GpuTrainingTest {

  @TempDir Path work;

  @BeforeEach
  void requireGpu() {
    DjlSettings.ensureOffline();
    assumeTrue(Engine.getInstance().getGpuCount() > 0, "no GPU: " + Engine.getInstance().getEngineName()
        + " sees " + Engine.getInstance().getGpuCount() + " GPUs");
  }

  @Test
  void trainsOnTheGpuTheEngineSelects() throws Exception {
    Device[] devices = Devices.select(1);
    assertThat(devices[0].isGpu()).isTrue();
    CnnConfig config = TestConfigs.tiny(3);
    CnnRunResult result = CnnTrainingRun.run(SyntheticRrna.records(30, 1, "train"),
        SyntheticRrna.records(10, 2, "test"), "synthetic", config, devices, work, TrainingState.fresh(),
        EpochListener.NONE);
    assertThat(result.fullLength().macroF1()).isGreaterThan(0.5);
  }

  @Test
  void aCapOfZeroGpusMeansTheCpu() {
    assertThat(Devices.select(0)).containsExactly(Device.cpu());
  }
}
