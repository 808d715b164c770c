package dev.promoter.serving;

import dev.promoter.registry.TrafficSplit;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which version answers a request under a traffic split, decided by the request's key alone: the
 * same key always falls in the same bucket (0-99), so a caller keeps seeing the same version for
 * as long as the split's share does not move past its bucket, on every replica. No state, no
 * randomness.
 */
public final class Routing {
  /** Route of the alias's holder. */
  public static final String PRIMARY = "primary";
  /** Route of a canary answering its share. */
  public static final String CANARY = "canary";
  /** Route of the challenger answering its share of an A/B test. */
  public static final String AB = "ab";
  /** Route of an answer computed off the request path, logged and never returned. */
  public static final String SHADOW = "shadow";

  private Routing() {}

  /**
   * The plan for one request.
   *
   * @param answering the version that answers first
   * @param route its route
   * @param offPath a version that also scores the request off the path, or null
   */
  public record Plan(int answering, String route, Integer offPath) {}

  /** The key's bucket, 0-99: CRC-32 of its UTF-8 bytes, stable across JVMs and replicas. */
  public static int bucket(String key) {
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 100);
  }

  /**
   * Plans a request to an alias held by {@code primary} under {@code split} (null: none). A canary
   * or A/B split sends its share to the second version; during a canary the holder also scores
   * the canary's requests off the path, so the gate compares both on the same requests. A shadow
   * split leaves every answer to the holder and scores its share on the second version off the
   * path. A warm split takes no traffic.
   */
  public static Plan plan(int primary, TrafficSplit split, String key) {
    if (split == null || split.version() == primary) {
      return new Plan(primary, PRIMARY, null);
    }
    boolean inShare = bucket(key) < split.percent();
    return switch (split.mode()) {
      case "canary" -> inShare ? new Plan(split.version(), CANARY, primary) : new Plan(primary, PRIMARY, null);
      case "ab" -> inShare ? new Plan(split.version(), AB, null) : new Plan(primary, PRIMARY, null);
      case "shadow" -> new Plan(primary, PRIMARY, inShare ? split.version() : null);
      default -> new Plan(primary, PRIMARY, null);
    };
  }
}
