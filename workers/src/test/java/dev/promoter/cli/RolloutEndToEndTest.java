package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.app.PromoterApplication;
import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.serving.TrainedModels;
import dev.promoter.worker.WorkerConfiguration;
import dev.promoter.worker.WorkerPools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Canary rollouts end to end through a real `promoter server` on the embedded stack, with real
 * prediction requests and feedback sent by the test while the rollout runs (bake times of a few
 * seconds, set in the request): a good candidate is promoted through every step; a candidate
 * trained on mislabelled data (it passes champion/challenger on its own mislabelled test split)
 * is rolled back by its gate, with the figures in the verdict, and production never leaves the
 * champion; a shadow reports agreement and accuracy on live traffic before the approval and
 * answers no request; an A/B test decides on fed-back labels with a p-value. Bad deployment parameters are refused with 400 naming the field.
 */
class RolloutEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  private String base;
  private Map<String, String> tokens;
  private String lastRun;

  @Test
  void aGoodCandidateIsPromotedThroughTheCanaryAndAWorseOneRolledBackByItsGate() throws Exception {
    System.setProperty("promoter.workers.principals", "alice=submitter,approver;bob=approver;vera=viewer");
    Path local = Path.of("target", "rollout-" + UUID.randomUUID());
    String good = SyntheticFasta.dataset(local.resolve("rrna")).toString();
    String mislabelled = relabelled(local.resolve("rrna"), local.resolve("mislabelled")).toString();
    List<FastaRecord> traffic = FastaReader.readAll(local.resolve("rrna/test.fasta"));
    try (StackProperties stack = new StackProperties(home);
        ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0")) {
      server.getBean(WorkerPools.class); // starts the pools, seeds the dev users and writes their tokens
      base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
      tokens = DevFiles.read(home.resolve(WorkerConfiguration.DEV_TOKEN_FILE));
      ModelRegistry registry = server.getBean(ModelRegistry.class);
      FileArtifactStore store = (FileArtifactStore) server.getBean(ArtifactStore.class);
      int champion = TrainedModels.register(registry, store, "rrna", "champion", TrainedModels.archive());
      registry.promote("rrna", champion, "production", "alice", "the champion");

      String deployment = "\"deployment\":{\"strategy\":\"canary\",\"steps\":[25,100],\"bake\":\"PT10S\","
          + "\"minRequests\":16,\"minLabels\":3}";
      HttpResponse<String> refused = post("/api/v1/lifecycles", spec(good,
          deployment.replace("[25,100]", "[50,25,100]")), "alice");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).get("detail").asText())
          .isEqualTo("deployment.steps: shares must rise, each 1-100 %, not [50, 25, 100]");
      assertThat(post("/api/v1/lifecycles", spec(good, deployment.replace("canary", "rainbow")), "alice").body())
          .contains("deployment.strategy: unknown strategy 'rainbow'");

      // a good candidate: promoted after both steps passed on live traffic
      JsonNode promoted = rollOut(spec(good, deployment), traffic);
      assertThat(promoted.get("status").asText()).as(promoted.toString()).isEqualTo("PROMOTED");
      int candidate = promoted.get("version").asInt();
      assertThat(promoted.get("rollout")).hasSize(2);
      for (JsonNode step : promoted.get("rollout")) {
        assertThat(step.get("outcome").asText()).isEqualTo("passed");
        assertThat(step.get("reading").get("answered").asLong()).isGreaterThanOrEqualTo(16);
        assertThat(step.get("reading").get("agreement").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(step.get("reading").get("modelErrors").asLong()).isZero();
      }
      // feedback reached the gates (how much depends on this machine's request rate)
      assertThat(promoted.get("rollout").get(0).get("reading").get("labelled").asLong()
          + promoted.get("rollout").get(1).get("reading").get("labelled").asLong()).isPositive();
      assertThat(registry.holder("rrna", "production").version()).isEqualTo(candidate);
      assertThat(new TrafficSplits(server.getBean(RegistryDatabase.class).dataSource()).of("rrna")).isEmpty();

      // a worse one: trained on mislabelled data, it wins offline on its own test split and is
      // caught online by the agreement and accuracy gates at its first step
      JsonNode rolledBack = rollOut(spec(mislabelled, deployment), traffic);
      assertThat(rolledBack.get("status").asText()).as(rolledBack.toString()).isEqualTo("ROLLED_BACK");
      assertThat(rolledBack.get("verdict").asText()).contains("rolled back at canary step 1 (25%)")
          .contains("agreement with the champion").contains("production stays on v" + candidate);
      JsonNode failed = rolledBack.get("rollout").get(0);
      assertThat(failed.get("outcome").asText()).isEqualTo("failed");
      assertThat(failed.get("reading").get("agreement").asDouble()).isLessThan(0.5);
      assertThat(registry.holder("rrna", "production").version()).isEqualTo(candidate);
      assertThat(registry.version("rrna", rolledBack.get("version").asInt()).status().name()).isEqualTo("REJECTED");
      // a replica follows a split change within its alias refresh: a resolution this server made
      // before the run cleared the split is stale once that long has passed since the run ended
      Thread.sleep(dev.promoter.serving.ServingSettings.from(server.getEnvironment()).aliasRefresh().toMillis() + 100);
      JsonNode after = JSON.readTree(post("/api/v1/models/rrna/predict",
          "{\"sequence\":\"" + traffic.get(0).sequence() + "\"}", "vera").body());
      assertThat(after.get("version").asInt()).isEqualTo(candidate);
      assertThat(after.get("route").asText()).isEqualTo("primary");
      assertThat(registry.audit("rrna")).anyMatch(e -> e.action().equals("split-clear")
          && e.reason().contains("canary gate failed at 25%"));
      System.out.println("rolled back: " + rolledBack.get("verdict").asText());

      // the run page shows the rollout: the step, the shares and the gate's figures
      String page = signedIn("bob", home).send(HttpRequest.newBuilder(URI.create(base + "/runs/" + lastRun)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(page).contains("id=\"run-rollout\"").contains("canary 25%").contains(">failed<")
          .contains(String.format(java.util.Locale.ROOT, "%.3f (%d)", failed.get("reading").get("agreement").asDouble(),
              failed.get("reading").get("compared").asLong()));

      // a shadow: the next candidate scores every production request off the path for 10 s, never
      // answers one, and the run reports its figures to the approver before the decision
      JsonNode waiting = shadowed(spec(good, "\"deployment\":{\"strategy\":\"shadow\",\"bake\":\"PT10S\","
          + "\"minRequests\":16,\"minLabels\":3}"), traffic);
      JsonNode shadow = waiting.get("rollout").get(0);
      assertThat(shadow.get("name").asText()).isEqualTo("shadow 100%");
      assertThat(shadow.get("outcome").asText()).as(shadow.toString()).isEqualTo("passed");
      assertThat(shadow.get("reading").get("answered").asLong()).isGreaterThanOrEqualTo(16);
      assertThat(shadow.get("reading").get("agreement").asDouble()).isGreaterThanOrEqualTo(0.9);
      // every shadow answer is compared with the champion's answer to the same request; the two
      // figures come from two queries while the test's traffic still flows, so rows logged between
      // them may count in one and not the other (a broken join would give 0 or a multiple)
      long answered = shadow.get("reading").get("answered").asLong();
      assertThat(shadow.get("reading").get("compared").asLong())
          .isCloseTo(answered, org.assertj.core.data.Percentage.withPercentage(5));
      assertThat(shadow.get("reading").get("labelled").asLong()).isPositive();
      System.out.println("shadow: " + shadow);
      HttpResponse<String> approved = post("/api/v1/lifecycles/" + lastRun + "/approve",
          "{\"reason\":\"the shadow agrees\"}", "bob");
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
      assertThat(JSON.readTree(approved.body()).get("status").asText()).isEqualTo("PROMOTED");
      int shadowed = waiting.get("version").asInt();
      assertThat(registry.holder("rrna", "production").version()).isEqualTo(shadowed);

      // an A/B test: the mislabelled model against it on half the traffic, decided on the labels
      // fed back with a two-proportion test; the champion wins and keeps production
      JsonNode ab = rollOut(spec(mislabelled, "\"deployment\":{\"strategy\":\"ab\",\"abPercent\":50,"
          + "\"bake\":\"PT20S\",\"minSample\":4,\"significance\":0.05}"), traffic, "ab");
      assertThat(ab.get("status").asText()).as(ab.toString()).isEqualTo("NOT_PROMOTED");
      assertThat(ab.get("verdict").asText()).contains("p-value").contains("v" + shadowed + " wins")
          .endsWith("v" + shadowed + " keeps production");
      System.out.println("ab: " + ab.get("verdict").asText());
      assertThat(registry.holder("rrna", "production").version()).isEqualTo(shadowed);
    } finally {
      System.clearProperty("promoter.workers.principals");
    }
  }

  /**
   * Starts a run, approves it once it waits, and sends live traffic (and feedback on every
   * third answer) until the run has ended.
   */
  private JsonNode rollOut(String spec, List<FastaRecord> traffic) throws Exception {
    return rollOut(spec, traffic, "canary");
  }

  private JsonNode rollOut(String spec, List<FastaRecord> traffic, String secondRoute) throws Exception {
    HttpResponse<String> started = post("/api/v1/lifecycles", spec, "alice");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String run = JSON.readTree(started.body()).get("runId").asText();
    lastRun = run;
    awaitApproval(run);
    CompletableFuture<HttpResponse<String>> approval = http.sendAsync(request("POST",
        "/api/v1/lifecycles/" + run + "/approve", "{\"reason\":\"canary it\"}", "bob"),
        HttpResponse.BodyHandlers.ofString());
    Map<String, Integer> routes = new HashMap<>();
    List<CompletableFuture<HttpResponse<String>>> feedback = new java.util.ArrayList<>();
    JsonNode ended = null;
    for (int i = 0; ended == null; i++) {
      if (i % 10 == 0) {
        ended = ended(run);
      }
      // a batch of 8 real sequences per request, so each step sees enough predictions
      List<FastaRecord> batch = new java.util.ArrayList<>();
      StringBuilder body = new StringBuilder("{\"sequences\":[");
      for (int k = 0; k < 8; k++) {
        FastaRecord r = traffic.get((i * 8 + k) % traffic.size());
        batch.add(r);
        body.append(k == 0 ? "" : ",").append('"').append(r.sequence()).append('"');
      }
      HttpRequest predict = HttpRequest.newBuilder(URI.create(base + "/api/v1/models/rrna/predict"))
          .POST(HttpRequest.BodyPublishers.ofString(body + "]}"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get("vera"))
          .header("X-Request-Key", "caller-" + (i % 97)).build();
      HttpResponse<String> answer = http.send(predict, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode a = JSON.readTree(answer.body());
      routes.merge(a.get("route").asText(), 1, Integer::sum);
      // feedback travels beside the traffic (the server flushes the log before it records a label)
      feedback.add(http.sendAsync(request("POST", "/api/v1/models/rrna/feedback", "{\"requestId\":\""
          + a.get("requestId").asText() + "\",\"item\":0,\"label\":\"" + batch.get(0).attribute("class") + "\"}",
          "alice"), HttpResponse.BodyHandlers.ofString()));
    }
    assertThat(approval.get().statusCode()).as(approval.get().body()).isEqualTo(200);
    assertThat(routes).containsKey(secondRoute).containsKey("primary");
    for (CompletableFuture<HttpResponse<String>> fed : feedback) {
      assertThat(fed.get().statusCode()).as(fed.get().body()).isEqualTo(201);
    }
    return ended;
  }

  /**
   * Starts a shadow run and sends live traffic (feedback on every other request) until it waits
   * for approval; every answer must come from the production holder.
   *
   * @return the run's progress while it waits
   */
  private JsonNode shadowed(String spec, List<FastaRecord> traffic) throws Exception {
    HttpResponse<String> started = post("/api/v1/lifecycles", spec, "alice");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    lastRun = JSON.readTree(started.body()).get("runId").asText();
    for (int i = 0; i < 20_000; i++) {
      if (i % 10 == 0) {
        HttpResponse<String> got = send("GET", "/api/v1/lifecycles/" + lastRun, null, "alice");
        JsonNode progress = got.statusCode() == 200 ? JSON.readTree(got.body()).get("progress") : null;
        if (progress != null && !progress.isNull()) {
          if (progress.get("status").asText().equals("AWAITING_APPROVAL")) {
            return progress;
          }
          assertThat(progress.get("status").asText()).as(progress.toString()).isEqualTo("RUNNING");
        }
      }
      FastaRecord r = traffic.get(i % traffic.size());
      HttpRequest predict = HttpRequest.newBuilder(URI.create(base + "/api/v1/models/rrna/predict"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"sequence\":\"" + r.sequence() + "\"}"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get("vera"))
          .header("X-Request-Key", "caller-" + (i % 97)).build();
      JsonNode a = JSON.readTree(http.send(predict, HttpResponse.BodyHandlers.ofString()).body());
      assertThat(a.get("route").asText()).isEqualTo("primary");
      if (i % 2 == 0) {
        assertThat(post("/api/v1/models/rrna/feedback", "{\"requestId\":\"" + a.get("requestId").asText()
            + "\",\"label\":\"" + r.attribute("class") + "\"}", "alice").statusCode()).isEqualTo(201);
      }
    }
    throw new AssertionError("run " + lastRun + " never waited for approval");
  }

  /** The run's recorded result once it has ended, else null. */
  private JsonNode ended(String run) throws Exception {
    HttpResponse<String> got = send("GET", "/api/v1/lifecycles/" + run, null, "alice");
    if (got.statusCode() != 200) {
      return null;
    }
    JsonNode summary = JSON.readTree(got.body()).get("run");
    String status = summary.get("status").asText();
    return status.equals("RUNNING") || status.equals("AWAITING_APPROVAL") ? null
        : JSON.readTree(summary.get("resultJson").asText());
  }

  private void awaitApproval(String run) throws Exception {
    String last = null;
    for (int i = 0; i < 600; i++) {
      HttpResponse<String> got = send("GET", "/api/v1/lifecycles/" + run, null, "alice");
      last = got.body();
      // a progress query can time out while the loaded machine trains (503): ask again
      if (got.statusCode() == 200) {
        JsonNode progress = JSON.readTree(got.body()).get("progress");
        if (progress != null && !progress.isNull()) {
          String status = progress.get("status").asText();
          if (status.equals("AWAITING_APPROVAL")) {
            return;
          }
          assertThat(status).as(last).isEqualTo("RUNNING");
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run " + run + " never waited for approval: " + last);
  }

  /** A browser-like client signed in through the UI's form with the user's dev password. */
  private HttpClient signedIn(String user, Path home) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).as(form).isTrue();
    String password = DevFiles.read(home.resolve("dev-passwords")).get(user);
    String body = "username=" + user + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
        + "&_csrf=" + csrf.group(1);
    HttpResponse<String> in = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(in.statusCode()).isEqualTo(200);
    return browser;
  }

  private static String spec(String dataset, String deployment) {
    return "{\"model\":\"rrna\",\"dataset\":\"" + dataset + "\",\"candidates\":[{\"trainer\":\"logreg\"}],"
        + "\"minimum\":0," + deployment + "}";
  }

  /** The same sequences with every class renamed to the next one: a dataset that lies. */
  private static Path relabelled(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    List<String> labels = SyntheticFasta.LABELS;
    for (String part : List.of("train.fasta", "test.fasta")) {
      StringBuilder out = new StringBuilder();
      for (String line : Files.readAllLines(from.resolve(part))) {
        String renamed = line;
        for (int c = 0; c < labels.size(); c++) {
          if (line.startsWith(">") && line.contains(" class=" + labels.get(c) + " ")) {
            renamed = line.replace(" class=" + labels.get(c) + " ", " class=" + labels.get((c + 1) % labels.size()) + " ");
            break;
          }
        }
        out.append(renamed).append('\n');
      }
      Files.writeString(to.resolve(part), out);
    }
    return to;
  }

  private HttpResponse<String> post(String path, String body, String user) throws Exception {
    return send("POST", path, body, user);
  }

  private HttpResponse<String> send(String method, String path, String body, String user) throws Exception {
    return http.send(request(method, path, body, user), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String method, String path, String body, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + tokens.get(user));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return b.build();
  }
}
