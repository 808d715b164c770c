package dev.promoter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The REST calls a drill makes against a {@link ServerProcess}, as the dev users. */
final class DrillApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ServerProcess server;
  private final String alice;
  private final String bob;

  DrillApi(ServerProcess server, Path home) throws IOException {
    this.server = server;
    var tokens = DevFiles.read(home.resolve("dev-tokens"));
    this.alice = tokens.get("alice");
    this.bob = tokens.get("bob");
  }

  /** Starts a lifecycle as alice; returns its run id. */
  String start(String body) throws IOException, InterruptedException {
    HttpResponse<String> started = send("POST", "/api/v1/lifecycles", body, alice);
    if (started.statusCode() != 202) {
      throw new AssertionError("start refused: " + started.statusCode() + " " + started.body());
    }
    return JSON.readTree(started.body()).get("runId").asText();
  }

  /** Waits until the run asks for approval; fails with the log of {@code witness} otherwise. */
  void awaitPending(String run, Duration timeout, ServerProcess... witnesses) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (send("GET", "/api/v1/approvals?status=PENDING", null, bob).body().contains(run)) {
        return;
      }
      Thread.sleep(500);
    }
    StringBuilder logs = new StringBuilder();
    for (ServerProcess w : witnesses) {
      logs.append("\n--- ").append(w.base()).append('\n').append(w.log());
    }
    throw new AssertionError("run " + run + " never asked for approval within " + timeout + logs);
  }

  /** Approves as bob; returns the run's status as the API answers it. */
  String approve(String run, String reason) throws IOException, InterruptedException {
    HttpResponse<String> approved = send("POST", "/api/v1/lifecycles/" + run + "/approve",
        "{\"reason\":\"" + reason + "\"}", bob);
    if (approved.statusCode() != 200) {
      throw new AssertionError("approval refused: " + approved.statusCode() + " " + approved.body());
    }
    return JSON.readTree(approved.body()).get("status").asText();
  }

  /** The run as the API shows it. */
  JsonNode run(String run) throws IOException, InterruptedException {
    return JSON.readTree(send("GET", "/api/v1/lifecycles/" + run, null, bob).body());
  }

  private HttpResponse<String> send(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
