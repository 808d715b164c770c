package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command tree main builds: only the named subcommand, or all of them for help and typos. */
class CommandTreeTest {

  @Test
  void aWrongOptionIsOneLineNamingItNotTheUsageBlock() {
    CliRun missing = CliRun.of("approve", "some-run", "--as", "bob");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err().lines()).containsExactly("promoter: Missing required option: '--reason=<reason>'",
        "see: ./promoter approve --help");
    CliRun notANumber = CliRun.of("train", "--k", "abc", "--data", "d", "--out", "o");
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err()).startsWith("promoter: Invalid value for option '--k': 'abc' is not an int")
        .doesNotContain("Usage:");
  }

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    assertThat(PromoterCli.commandLine(new String[] {"consensus", "--input", "x"}).getSubcommands())
        .containsOnlyKeys("consensus");
    assertThat(PromoterCli.commandLine(new String[] {"lifecycle", "status"}).getSubcommands())
        .containsOnlyKeys("lifecycle");
  }

  @Test
  void helpAndUnknownWordsGetEverySubcommand() {
    String[] all = {"demo", "server", "models", "promote", "rollback", "audit", "train", "classify",
        "featurize", "lifecycle", "approve", "reject", "schedule", "drift", "consensus", "rf", "users",
        "token", "help"};
    assertThat(PromoterCli.commandLine(new String[] {"--help"}).getSubcommands()).containsOnlyKeys(all);
    assertThat(PromoterCli.commandLine(new String[] {"help", "rf"}).getSubcommands()).containsOnlyKeys(all);
    assertThat(PromoterCli.commandLine(new String[0]).getSubcommands()).containsOnlyKeys(all);

    CliRun typo = CliRun.of("consensos", "--input", "x");
    assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(2);
    assertThat(typo.err()).contains("Unmatched argument").contains("consensos");
  }

  @Test
  void everySubcommandAnswersHelp() {
    CliRun sub = CliRun.of("consensus", "--help");
    assertThat(sub.exitCode()).as(sub.toString()).isZero();
    assertThat(sub.out()).contains("Usage: promoter consensus").contains("--method");

    CliRun nested = CliRun.of("lifecycle", "start", "--help");
    assertThat(nested.exitCode()).as(nested.toString()).isZero();
    assertThat(nested.out()).contains("Usage: promoter lifecycle start");

    CliRun viaHelp = CliRun.of("help", "rf");
    assertThat(viaHelp.exitCode()).as(viaHelp.toString()).isZero();
    assertThat(viaHelp.out()).contains("Usage: promoter rf");
  }
}
