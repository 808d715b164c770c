package dev.promoter.gpu;

/**
 * DJL must never reach for the network: 0.35.1 with a bundled libtorch needs nothing at run time,
 * and a worker that tried to download an engine would hang on machines without internet.
 */
public final class DjlSettings {

  /** DJL's switch that forbids downloads. */
  public static final String OFFLINE = "ai.djl.offline";

  private DjlSettings() {}

  /** Sets {@value #OFFLINE} to {@code true} unless the operator chose otherwise; call before DJL loads. */
  public static void ensureOffline() {
    if (System.getProperty(OFFLINE) == null) {
      System.setProperty(OFFLINE, "true");
    }
  }
}
