package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.app.PromoterApplication;
import dev.promoter.worker.WorkerPools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Process roles: which pools a server polls, and a typo refused before anything starts. */
class ServerPoolsTest {
  @TempDir Path home;

  @Test
  void unknownPoolsAreRefusedBeforeAnythingStarts() throws Exception {
    try (StackProperties stack = new StackProperties(home)) {
      CliRun typo = CliRun.of("server", "--pools", "gpux");
      assertThat(typo.exitCode()).isEqualTo(2);
      assertThat(typo.err().strip()).isEqualTo(
          "promoter: --pools is 'gpux': use cpu, gpu, cpu,gpu, or none (API and UI only)");
      assertThat(CliRun.of("server", "--pools", "none,cpu").exitCode()).isEqualTo(2);
      assertThat(home.resolve("postgres")).doesNotExist();
    }
  }

  @Test
  void poolsNoneServesTheApiAndPollsNoQueue() throws Exception {
    try (StackProperties stack = new StackProperties(home);
        ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0",
            "--promoter.workers.pools=none")) {
      assertThat(server.getBean(WorkerPools.class).started()).isEmpty();
      String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }
}
