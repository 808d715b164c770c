package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders without picocli's warnings: descriptions are format strings, so a
 * lone {@code %} (say "shares in %") printed a "[picocli WARN]" per line of {@code --help}.
 */
class HelpTextTest {

  @Test
  void everyCommandsHelpRendersWithoutWarnings() {
    List<CommandLine> all = new ArrayList<>();
    collect(PromoterCli.commandLine(), all);
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> usages = new ArrayList<>();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (CommandLine command : all) {
        usages.add(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
      }
    } finally {
      System.setErr(err);
    }
    assertThat(all.size()).as("the command tree").isGreaterThan(20);
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(String.join("\n", usages)).contains("canary traffic shares in %, ending at 100");
  }

  @Test
  void versionIsTheTopCommandsOnlyAndHelpEveryCommands() {
    CliRun top = CliRun.of("--version");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out().strip()).isEqualTo("promoter 0.1.0");
    // on a subcommand --version read as the version flag: nothing promoted, exit 0
    CliRun promote = CliRun.of("promote", "rrna-classifier", "--version", "1", "--reason", "x");
    assertThat(promote.exitCode()).as(promote.toString()).isEqualTo(2);
    assertThat(promote.out()).isEmpty();
    assertThat(promote.err()).contains("Unknown option: '--version'");
    CliRun help = CliRun.of("promote", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: promoter promote").contains("--help").doesNotContain("--version");
    CliRun nested = CliRun.of("lifecycle", "start", "-h");
    assertThat(nested.exitCode()).isZero();
    assertThat(nested.out()).contains("Usage: promoter lifecycle start");
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }
}
