package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job and the registry commands, run as a user runs them, on the real embedded
 * stack: Temporal's test server on a port and Postgres over a data folder that outlives the run.
 */
class DemoAndRegistryCommandsTest {
  @TempDir Path home;

  @Test
  void demoRunsTwiceAndTheSecondRunSeesTheFirstRunsRegistry() throws Exception {
    try (StackProperties stack = new StackProperties(home)) {
      CliRun first = CliRun.of("demo");
      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(first.out())
          .contains("Temporal  localhost:" + stack.temporalPort + " answered its health check")
          .contains("rrna-classifier has 0 version(s) from earlier runs")
          .contains("registered rrna-classifier v1")
          .contains("registering again returned v1")
          .contains("promoted rrna-classifier@production: (unset) -> v1")
          .contains("done: rrna-classifier@production is v1");

      CliRun second = CliRun.of("demo", "--as", "erin");
      assertThat(second.exitCode()).as(second.toString()).isZero();
      assertThat(second.out()).contains("rrna-classifier has 1 version(s) from earlier runs")
          .contains("promoted rrna-classifier@production: v1 -> v2");

      CliRun list = CliRun.of("models", "list");
      assertThat(list.out()).containsPattern("rrna-classifier\\s+2\\s+production=v2");

      CliRun rollback = CliRun.of("rollback", "rrna-classifier", "--alias", "production",
          "--as", "carol", "--reason", "v2 misclassifies 5.8S");
      assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
      assertThat(rollback.out()).contains("rolled back rrna-classifier@production: v2 -> v1");

      CliRun again = CliRun.of("rollback", "rrna-classifier", "--as", "carol", "--reason", "further");
      assertThat(again.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(again.err()).contains("promoter: 'production' of 'rrna-classifier' has no earlier holder");

      CliRun promote = CliRun.of("promote", "rrna-classifier", "2", "--alias", "production",
          "--as", "dave", "--reason", "fixed upstream");
      assertThat(promote.out()).contains("promoted rrna-classifier@production: v1 -> v2");

      CliRun show = CliRun.of("models", "show", "rrna-classifier");
      assertThat(show.out()).contains("2 version(s)").containsPattern("v1\\s+ARCHIVED")
          .containsPattern("v2\\s+ACTIVE\\s+production");

      CliRun audit = CliRun.of("audit", "rrna-classifier");
      assertThat(audit.out().lines().filter(l -> l.contains(" promote ") || l.contains(" rollback ")))
          .hasSize(4);
      assertThat(audit.out()).contains("carol rollback production v2 -> v1: v2 misclassifies 5.8S");
    }
  }

  @Test
  void badInputGetsOneLineNamingTheProblemAndItsExitCode() throws Exception {
    try (StackProperties stack = new StackProperties(home)) {
      assertThat(CliRun.of("demo").exitCode()).isZero();

      CliRun unknownModel = CliRun.of("models", "show", "nope");
      assertThat(unknownModel.exitCode()).isEqualTo(PromoterCli.NOT_FOUND);
      assertThat(unknownModel.err().strip()).isEqualTo("promoter: unknown model 'nope'");

      CliRun unknownVersion = CliRun.of("promote", "rrna-classifier", "7", "--as", "x", "--reason", "y");
      assertThat(unknownVersion.exitCode()).isEqualTo(PromoterCli.NOT_FOUND);
      assertThat(unknownVersion.err()).contains("has no version 7");

      CliRun badAlias = CliRun.of("promote", "rrna-classifier", "1", "--alias", "PROD!", "--as", "x", "--reason", "y");
      assertThat(badAlias.exitCode()).isEqualTo(2);
      assertThat(badAlias.err()).contains("invalid alias 'PROD!'");

      CliRun missingActor = CliRun.of("promote", "rrna-classifier", "1", "--reason", "y");
      assertThat(missingActor.exitCode()).isEqualTo(2);
      assertThat(missingActor.err()).contains("Missing required option: '--as=USER'");

      CliRun stale = CliRun.of("promote", "rrna-classifier", "1", "--as", "x", "--reason", "y", "--if-current", "5");
      assertThat(stale.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(stale.err()).contains("is now held by version 1, not version 5");
    }
  }
}
