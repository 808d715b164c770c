package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log lines go to standard error on the Spring path too (commands that start no Spring are
 * checked by {@link TrainCnnTest}, where DJL logs): standard output is for results.
 */
class LogsToStandardErrorTest {

  @Test
  void springLogsNothingToStandardOutput(@TempDir Path home) throws Exception {
    // production mode without settings: Spring starts, logs at DEBUG as asked, and stops with one line
    CliProcess run = CliProcess.run(List.of("-Dpromoter.mode=production", "-Dpromoter.home=" + home,
        "-Dlogging.level.org.springframework=DEBUG"), "models", "list");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(PromoterCli.UNAVAILABLE);
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.err()).contains(" DEBUG o.s.").contains("promoter: production mode needs TEMPORAL_ADDRESS");
  }
}
