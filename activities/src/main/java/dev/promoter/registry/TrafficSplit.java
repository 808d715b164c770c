package dev.promoter.registry;

import java.time.Instant;

/**
 * A second version beside an alias's holder, and its share of the alias's traffic.
 *
 * @param modelName the model
 * @param alias the alias whose traffic is split (the holder keeps the rest)
 * @param version the second version
 * @param mode {@code canary}, {@code shadow}, {@code ab} or {@code warm}
 * @param percent its share, 0-100 ({@code warm} is always 0)
 * @param since when this split took effect (the database's clock): gates measure from here
 */
public record TrafficSplit(String modelName, String alias, int version, String mode, int percent,
    Instant since) {

  /** The modes a split may have. */
  public static final java.util.List<String> MODES = java.util.List.of("canary", "shadow", "ab", "warm");
}
