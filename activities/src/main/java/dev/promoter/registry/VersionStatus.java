package dev.promoter.registry;

/** Where a model version stands. Aliases move versions between these states. */
public enum VersionStatus {
  /** Registered, holding no alias yet. */
  REGISTERED,
  /** Holds at least one alias. */
  ACTIVE,
  /** Held an alias once and lost its last one to a newer promotion or a rollback. */
  ARCHIVED,
  /** Refused (by a reviewer or an evaluation); can never hold an alias. */
  REJECTED
}
