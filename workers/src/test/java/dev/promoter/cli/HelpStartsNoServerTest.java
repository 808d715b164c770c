package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code promoter --help} must answer without starting Spring or any server: checked in a fresh
 * JVM by listing every class it loads.
 */
class HelpStartsNoServerTest {

  @Test
  void helpLoadsNoSpringTemporalOrPostgresClass() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xlog:class+load=info", "-cp",
        System.getProperty("java.class.path"), PromoterCli.class.getName(), "--help"))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(output).contains("Commands:").contains("demo").contains("promote")
        .contains("java.lang.Object ");
    assertThat(output.lines().filter(l -> l.contains("org.springframework.")
        || l.contains("io.temporal.") || l.contains("io.zonky.") || l.contains("org.postgresql.")))
        .isEmpty();
  }
}
