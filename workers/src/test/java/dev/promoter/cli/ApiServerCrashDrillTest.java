package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill: the process serving the API and the UI is killed ({@code kill -9}) while a run waits for
 * approval; Temporal and Postgres live in another process (the worker's). After a restart the
 * inbox still shows the run and approving it promotes. Real processes on loopback.
 */
class ApiServerCrashDrillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START = Duration.ofMinutes(3);
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  @TempDir Path data;

  @Test
  void aKilledApiServerLosesNoWaitingRun() throws Exception {
    SyntheticFasta.dataset(data.resolve("rrna"));
    int postgres = StackProperties.freePort();
    int temporal = StackProperties.freePort();
    try (ServerProcess worker = ServerProcess.start(home, data, postgres, temporal, "cpu", "worker")) {
      worker.awaitLog("serving; Ctrl-C to stop", START); // it hosts the dev stack: Temporal, Postgres
      String alice = DevFiles.read(home.resolve("dev-tokens")).get("alice");
      String bob = DevFiles.read(home.resolve("dev-tokens")).get("bob");
      String run;
      try (ServerProcess api = ServerProcess.start(home, data, postgres, temporal, "none", "api")) {
        api.awaitLog("serving; Ctrl-C to stop", START);
        HttpResponse<String> started = send(api, "POST", "/api/v1/lifecycles",
            "{\"model\":\"rrna\",\"dataset\":\"rrna\",\"candidates\":[{\"trainer\":\"logreg\"}],\"minimum\":0}", alice);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        run = JSON.readTree(started.body()).get("runId").asText();
        awaitPending(api, run, bob);
        api.kill();
      }
      try (ServerProcess again = ServerProcess.start(home, data, postgres, temporal, "none", "api-again")) {
        again.awaitLog("serving; Ctrl-C to stop", START);
        assertThat(send(again, "GET", "/api/v1/approvals?status=PENDING", null, bob).body()).contains(run);
        HttpResponse<String> approved = send(again, "POST", "/api/v1/lifecycles/" + run + "/approve",
            "{\"reason\":\"after the crash\"}", bob);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).get("status").asText()).isEqualTo("PROMOTED");
        JsonNode models = JSON.readTree(send(again, "GET", "/api/v1/models/rrna", null, bob).body());
        assertThat(models.toString()).contains("\"production\"");
      }
    }
  }

  private void awaitPending(ServerProcess api, String run, String token) throws Exception {
    for (int i = 0; i < 360; i++) {
      if (send(api, "GET", "/api/v1/approvals?status=PENDING", null, token).body().contains(run)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("run " + run + " never asked for approval:\n" + api.log());
  }

  private HttpResponse<String> send(ServerProcess server, String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
