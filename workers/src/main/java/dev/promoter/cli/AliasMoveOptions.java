package dev.promoter.cli;

import picocli.CommandLine.Option;

/** The options every alias move takes: which alias, who, why, and an optional precondition. */
final class AliasMoveOptions {
  @Option(names = "--alias", defaultValue = "production", description = "the alias (default: ${DEFAULT-VALUE})")
  String alias;

  @Option(names = "--as", paramLabel = "USER",
      description = "dev mode only: the registry user to act as (with PROMOTER_URL, the token decides)")
  String actor;

  @Option(names = "--reason", required = true, description = "why, for the audit log")
  String reason;

  @Option(names = "--if-current", paramLabel = "VERSION",
      description = "only if the alias is held by this version now")
  Integer expected;
}
