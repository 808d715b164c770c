package dev.promoter.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DevicesTest {

  @AfterEach
  void clear() {
    System.clearProperty(Devices.PROPERTY);
  }

  @Test
  void theEngineFallsBackToTheCpuWithoutAGpu() {
    if (Engine.getInstance().getGpuCount() == 0) {
      assertThat(Devices.select()).containsExactly(Device.cpu());
    } else {
      assertThat(Devices.select()).allMatch(Device::isGpu);
    }
  }

  @Test
  void theCapIsASetting() {
    System.setProperty(Devices.PROPERTY, "0");
    assertThat(Devices.maxGpus()).isZero();
    assertThat(Devices.select()).containsExactly(Device.cpu());
    System.setProperty(Devices.PROPERTY, "many");
    assertThatThrownBy(Devices::maxGpus).hasMessageContaining(Devices.ENV);
  }
}
