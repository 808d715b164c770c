package dev.promoter.gpu;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Arrays;

/**
 * Which devices the CNN uses: the engine decides, capped by a setting. With no GPU (or the CPU
 * libtorch), DJL answers the CPU; with GPUs, up to {@code maxGpus} of them. The GPU deployable
 * differs from the CPU one only in its libtorch and this setting.
 *
 * <p>The cap is read from the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENV}; unset means every GPU. {@code 0} forces the CPU even on a GPU node.
 */
public final class Devices {

  /** System property capping the GPUs used. */
  public static final String PROPERTY = "promoter.max-gpus";
  /** Environment variable capping the GPUs used. */
  public static final String ENV = "PROMOTER_MAX_GPUS";

  private Devices() {}

  /** @return the devices to train and infer on: GPUs up to the cap, else the CPU */
  public static Device[] select() {
    return select(maxGpus());
  }

  /** @param maxGpus the cap @return the devices */
  public static Device[] select(int maxGpus) {
    DjlSettings.ensureOffline();
    return Engine.getInstance().getDevices(maxGpus);
  }

  /** @return the configured cap, {@link Integer#MAX_VALUE} when unset */
  public static int maxGpus() {
    String value = System.getProperty(PROPERTY, System.getenv(ENV));
    if (value == null || value.isBlank()) {
      return Integer.MAX_VALUE;
    }
    try {
      int cap = Integer.parseInt(value.trim());
      if (cap < 0) {
        throw new NumberFormatException();
      }
      return cap;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PROPERTY + " / " + ENV + " must be a whole number >= 0, got '" + value + "'");
    }
  }

  /** @param devices devices @return them for logs and provenance, e.g. {@code [cpu()]} */
  public static String describe(Device[] devices) {
    return Arrays.toString(devices);
  }
}
