package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.app.PromoterApplication;
import dev.promoter.camunda.CamundaWorkers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The lifecycle on Camunda 8 end to end, on the dev stack's embedded Zeebe engine: the demo from
 * the CLI, and a server with PROMOTER_ENGINES=temporal,camunda whose REST API starts a Camunda
 * run that a second user approves through the shared approvals inbox.
 */
class CamundaEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  @TempDir Path data;
  private String base;

  @Test
  void demoWithEngineCamundaRunsTheWholeLifecycleOnZeebe() throws Exception {
    Path dataset = SyntheticFasta.dataset(data.resolve("rrna"));
    try (StackProperties stack = new StackProperties(home)) {
      int zeebe = StackProperties.freePort();
      stack.set("promoter.camunda.embedded-port", Integer.toString(zeebe));
      CliRun demo = CliRun.of("demo", "--engine", "camunda", "--auto-approve", "--as", "reviewer",
          "--data", dataset.toString(), "--candidates", "logreg,forest");
      assertThat(demo.exitCode()).as(demo.toString()).isZero();
      assertThat(demo.out())
          .contains("Camunda   the embedded Zeebe engine on 127.0.0.1:" + zeebe)
          .contains("jobs      cpu pool on job types [")
          .containsPattern("logreg\\s+logreg: macro-F1 \\d\\.\\d{4}")
          .contains("3. approval: the staged version waits for a reviewer")
          .contains("approving as reviewer")
          .contains("4. result: PROMOTED: v1 promoted to production by reviewer")
          .contains("rrna-classifier@production is v1");

      CliRun runs = CliRun.of("lifecycle", "list");
      assertThat(runs.out().lines().filter(l -> l.contains("PROMOTED"))).hasSize(1);
      CliRun badEngine = CliRun.of("demo", "--engine", "airflow");
      assertThat(badEngine.exitCode()).isEqualTo(2);
      assertThat(badEngine.err()).contains("--engine is 'airflow': use temporal or camunda");
    }
  }

  @Test
  void aCamundaRunStartedOverRestIsApprovedByASecondUser() throws Exception {
    Path local = Path.of("target", "e2e-" + java.util.UUID.randomUUID());
    SyntheticFasta.dataset(local.resolve("rrna"));
    String dataset = local.resolve("rrna").toString();
    try (StackProperties stack = new StackProperties(home)) {
      stack.set("promoter.camunda.embedded-port", Integer.toString(StackProperties.freePort()));
      try (ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0",
          "--promoter.camunda.engines=temporal,camunda")) {
        server.getBean(CamundaWorkers.class); // connects, deploys, subscribes; seeds the dev users
        base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        Map<String, String> tokens = DevFiles.read(home.resolve("dev-tokens"));

        String spec = "{\"model\":\"rrna\",\"dataset\":\"" + dataset + "\",\"candidates\":[{\"trainer\":\"logreg\"}],"
            + "\"minimum\":0,\"engine\":\"camunda\"}";
        HttpResponse<String> unknown = send("POST", "/api/v1/lifecycles",
            spec.replace("camunda", "airflow"), tokens.get("alice"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("detail").asText()).contains("unknown engine 'airflow'");

        HttpResponse<String> started = send("POST", "/api/v1/lifecycles", spec, tokens.get("alice"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run = json(started).get("runId").asText();
        awaitStatus(run, "AWAITING_APPROVAL", tokens.get("alice"));
        JsonNode pending = json(send("GET", "/api/v1/approvals?status=PENDING", null, tokens.get("bob")));
        assertThat(pending.toString()).contains("\"runId\":\"" + run + "\"").contains("\"engine\":\"camunda\"");

        HttpResponse<String> own = send("POST", "/api/v1/lifecycles/" + run + "/approve",
            "{\"reason\":\"mine is great\"}", tokens.get("alice"));
        assertThat(own.statusCode()).isEqualTo(403);
        HttpResponse<String> approved = send("POST", "/api/v1/lifecycles/" + run + "/approve",
            "{\"reason\":\"metrics look right\"}", tokens.get("bob"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("status").asText()).isEqualTo("PROMOTED");

        JsonNode view = json(send("GET", "/api/v1/lifecycles/" + run, null, tokens.get("alice")));
        assertThat(view.get("run").get("engine").asText()).isEqualTo("camunda");
        assertThat(send("GET", "/api/v1/models/rrna/audit?size=100", null, tokens.get("alice")).body())
            .contains("\"actor\":\"bob\",\"action\":\"approved\"")
            .contains("\"actor\":\"bob\",\"action\":\"promote\"");
      }
    }
  }

  private void awaitStatus(String run, String status, String token) throws Exception {
    String last = null;
    for (int i = 0; i < 240; i++) {
      JsonNode view = json(send("GET", "/api/v1/lifecycles/" + run, null, token));
      last = view.toString();
      if (status.equals(view.path("run").path("status").asText())) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("run " + run + " never reached " + status + ": " + last);
  }

  private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
