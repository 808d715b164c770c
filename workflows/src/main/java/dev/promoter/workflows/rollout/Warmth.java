package dev.promoter.workflows.rollout;

import java.util.List;

/**
 * What the live serving replicas report of one version.
 *
 * @param replicas serving replicas that reported in the last few seconds
 * @param warm how many of them report the version loaded and warmed ({@code WARM}, {@code ACTIVE}
 *     or {@code DEGRADED})
 * @param waiting the others, each as {@code replica: state} ({@code not loaded} when it has not
 *     started loading), with a FAILED version's cause
 * @param failed true when a replica reports the version FAILED: it cannot load, so waiting longer
 *     changes nothing
 */
public record Warmth(int replicas, int warm, List<String> waiting, boolean failed) {

  /** Copies the list. */
  public Warmth {
    waiting = waiting == null ? List.of() : List.copyOf(waiting);
  }

  /** True when at least one replica is live and every live replica has the version warm. */
  public boolean ready() {
    return replicas > 0 && warm == replicas;
  }
}
