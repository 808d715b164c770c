package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.app.PromoterApplication;
import dev.promoter.worker.WorkerPools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * `promoter server` end to end on the embedded stack: the REST API with the dev users' tokens,
 * four eyes refused with 403 and a problem naming it, a second approver promotes, the audit names
 * them; then the same flow from the CLI in production mode (PROMOTER_URL + PROMOTER_TOKEN).
 */
class ServiceEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  @TempDir Path data;
  private String base;

  @Test
  void restAndCliInProductionModeAgainstARunningServer() throws Exception {
    // the default data root "." (the working directory), with a dataset below it: Spring once
    // resolved "." against Tomcat's temporary docbase in the server
    Path local = Path.of("target", "e2e-" + java.util.UUID.randomUUID());
    SyntheticFasta.dataset(local.resolve("rrna"));
    String dataset = local.resolve("rrna").toString();
    try (StackProperties stack = new StackProperties(home);
        ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0")) {
      server.getBean(WorkerPools.class); // seeds the dev users and writes their tokens
      base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
      Map<String, String> tokens = DevFiles.read(home.resolve("dev-tokens"));
      assertThat(tokens).containsKeys("alice", "bob", "demo", "reviewer");

      assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
      assertThat(send("GET", "/api/v1/models", null, null).statusCode()).isEqualTo(401);
      assertThat(send("GET", "/v3/api-docs", null, null).body()).contains("/api/v1/lifecycles");

      String spec = "{\"model\":\"rrna\",\"dataset\":\"" + dataset + "\",\"candidates\":[{\"trainer\":\"logreg\"}],\"minimum\":0}";
      HttpResponse<String> refused = send("POST", "/api/v1/lifecycles",
          spec.replace(dataset, "../secrets"), tokens.get("alice"));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json(refused).get("detail").asText()).contains("outside the data root");
      assertThat(send("POST", "/api/v1/lifecycles", "{\"model\":\"" + "x".repeat(2_000_000) + "\"}",
          tokens.get("alice")).statusCode()).isEqualTo(413);

      HttpResponse<String> started = send("POST", "/api/v1/lifecycles", spec, tokens.get("alice"));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String run = json(started).get("runId").asText();
      assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/lifecycles/" + run);
      awaitStatus(run, "AWAITING_APPROVAL", tokens.get("alice"));
      assertThat(send("GET", "/api/v1/approvals?status=pending", null, tokens.get("bob")).body())
          .contains(run).contains("\"requestedBy\":\"alice\"");

      HttpResponse<String> own = send("POST", "/api/v1/lifecycles/" + run + "/approve",
          "{\"reason\":\"mine is great\"}", tokens.get("alice"));
      assertThat(own.statusCode()).isEqualTo(403);
      assertThat(json(own).get("detail").asText())
          .isEqualTo("alice submitted this run and cannot also decide on it (four eyes)");
      assertThat(send("POST", "/api/v1/lifecycles/" + run + "/approve", "{}", tokens.get("bob")).statusCode())
          .isEqualTo(400);
      HttpResponse<String> approved = send("POST", "/api/v1/lifecycles/" + run + "/approve",
          "{\"reason\":\"metrics look right\"}", tokens.get("bob"));
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
      assertThat(json(approved).get("status").asText()).isEqualTo("PROMOTED");
      assertThat(send("GET", "/api/v1/models/rrna/audit?size=100", null, tokens.get("alice")).body())
          .contains("\"actor\":\"bob\",\"action\":\"approved\"")
          .contains("\"actor\":\"bob\",\"action\":\"promote\"");
      JsonNode keyset = json(send("GET", "/api/v1/models?after=&size=1", null, tokens.get("bob")));
      assertThat(keyset.get("items").get(0).get("name").asText()).isEqualTo("rrna");
      assertThat(keyset.get("next").asText()).isEqualTo("rrna");
      String metrics = send("GET", "/actuator/prometheus", null, tokens.get("bob")).body();
      assertThat(metrics).contains("promoter_approvals_pending").contains("promoter_lifecycle_runs{status=\"PROMOTED\"} 1.0")
          .contains("http_server_requests_seconds{").contains("quantile=\"0.99\"");

      // the CLI in production mode: the token says who acts; --as is refused
      stack.set("promoter.url", base).set("promoter.token", tokens.get("alice"));
      CliRun asFlag = CliRun.of("lifecycle", "start", "--model", "rrna", "--data", dataset, "--as", "bob");
      assertThat(asFlag.exitCode()).isEqualTo(2);
      assertThat(asFlag.err()).contains("--as is a dev-mode convenience");
      CliRun start = CliRun.of("lifecycle", "start", "--model", "rrna", "--data", dataset,
          "--candidates", "logreg", "--min", "0");
      assertThat(start.exitCode()).as(start.toString()).isZero();
      Matcher id = Pattern.compile("started (\\S+)").matcher(start.out());
      assertThat(id.find()).isTrue();
      String cliRun = id.group(1);
      awaitStatus(cliRun, "AWAITING_APPROVAL", tokens.get("alice"));
      CliRun self = CliRun.of("approve", cliRun, "--reason", "mine");
      assertThat(self.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(self.err().strip()).isEqualTo("promoter: alice submitted this run and cannot also decide on it (four eyes)");
      stack.set("promoter.token", tokens.get("bob"));
      CliRun approve = CliRun.of("approve", cliRun, "--reason", "lgtm");
      assertThat(approve.exitCode()).as(approve.toString()).isZero();
      assertThat(approve.out()).startsWith(cliRun + ": ").containsOnlyOnce(cliRun);
      CliRun notAdmin = CliRun.of("rollback", "rrna", "--reason", "drift");
      assertThat(notAdmin.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(notAdmin.err()).contains("bob may not POST /api/v1/models/rrna/aliases/production/rollback");
      stack.set("promoter.token", tokens.get("demo"));
      CliRun rollback = CliRun.of("rollback", "rrna", "--reason", "drift on fragments");
      assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
      assertThat(rollback.out()).contains("rolled back rrna@production");
      CliRun users = CliRun.of("users", "list");
      assertThat(users.exitCode()).as(users.toString()).isZero();
      assertThat(users.out()).contains("alice").contains("approver,submitter");
      stack.set("promoter.token", tokens.get("bob"));
      assertThat(CliRun.of("users", "list").err()).contains("bob may not GET /api/v1/users");
      stack.set("promoter.token", "pmt_not-a-token");
      CliRun badToken = CliRun.of("lifecycle", "list");
      assertThat(badToken.exitCode()).isEqualTo(PromoterCli.CONFLICT);
      assertThat(badToken.err()).contains("unknown, expired or revoked");
    }
  }

  private void awaitStatus(String run, String status, String token) throws Exception {
    String last = null;
    for (int i = 0; i < 240; i++) {
      JsonNode view = json(send("GET", "/api/v1/lifecycles/" + run, null, token));
      last = view.toString();
      JsonNode progress = view.get("progress");
      if (progress != null && !progress.isNull() && status.equals(progress.get("status").asText())) {
        return;
      }
      Thread.sleep(500);
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
