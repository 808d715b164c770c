package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.service.LifecycleSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line's blue-green and A/B options: durations as people type them, and a value that
 * does not parse refused with exit 2 naming the option, before any stack starts.
 */
class RolloutOptionsTest {

  private static LifecycleSpec.Deployment parsed(String... args) {
    LifecycleCommand.Start start = new LifecycleCommand.Start();
    new CommandLine(start).parseArgs(args);
    return start.options.spec().deployment();
  }

  @Test
  void blueGreenWindowsReadAsTyped() {
    LifecycleSpec.Deployment d = parsed("--model", "rrna", "--strategy", "blue-green", "--keep-warm", "15m",
        "--warm-timeout", "PT90S");
    assertThat(d.strategy()).isEqualTo("blue-green");
    assertThat(d.keepWarm()).isEqualTo(Duration.ofMinutes(15));
    assertThat(d.warmTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(parsed("--model", "rrna", "--strategy", "ab", "--sample-size", "400").sampleSize()).isEqualTo(400);
    assertThat(parsed("--model", "rrna", "--strategy", "blue-green").keepWarm()).isNull(); // the default fills in later
  }

  @Test
  void aWindowThatDoesNotParseIsExitTwoNamingTheOption() {
    CliRun bad = CliRun.of("lifecycle", "start", "--model", "rrna", "--strategy", "blue-green",
        "--keep-warm", "15 minutes", "--as", "alice");
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).startsWith("promoter: invalid --keep-warm '15 minutes': use a number of days, hours or "
        + "minutes (30d, 12h, 90m) or ISO-8601 (P30D, PT12H)").doesNotContain("Exception");
  }
}
