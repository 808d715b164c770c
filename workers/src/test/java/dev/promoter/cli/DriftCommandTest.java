package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `promoter drift start` refuses bad settings with exit 2 and one line, before any stack starts. */
class DriftCommandTest {

  @Test
  void badSettingsAreExitTwoNamingTheSetting() {
    CliRun interval = CliRun.of("drift", "start", "rrna", "--interval", "5x", "--as", "alice");
    assertThat(interval.exitCode()).as(interval.toString()).isEqualTo(2);
    assertThat(interval.out()).isEmpty();
    assertThat(interval.err()).startsWith("promoter: invalid interval '5x': use a number of days, hours or minutes");

    CliRun trigger = CliRun.of("drift", "start", "rrna", "--trigger", "HIGH", "--as", "alice");
    assertThat(trigger.exitCode()).isEqualTo(2);
    assertThat(trigger.err()).startsWith("promoter: trigger 'HIGH' is not one of [MODERATE, SIGNIFICANT]");

    CliRun few = CliRun.of("drift", "start", "rrna", "--min-predictions", "5", "--as", "alice");
    assertThat(few.exitCode()).isEqualTo(2);
    assertThat(few.err()).startsWith("promoter: minimum predictions 5 is outside 20-100000");

    CliRun shift = CliRun.of("drift", "start", "rrna", "--min-shift", "1.5", "--as", "alice");
    assertThat(shift.exitCode()).isEqualTo(2);
    assertThat(shift.err()).startsWith("promoter: minimum shift 1.5 is outside 0-1");

    CliRun limit = CliRun.of("drift", "show", "rrna", "--limit", "many");
    assertThat(limit.exitCode()).isEqualTo(2);
  }
}
