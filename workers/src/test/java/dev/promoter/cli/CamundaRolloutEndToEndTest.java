package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.app.PromoterApplication;
import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.camunda.CamundaWorkers;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.TrafficSplit;
import dev.promoter.registry.TrafficSplits;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.serving.TrainedModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rollouts on Camunda end to end: a real `promoter server` with PROMOTER_ENGINES=temporal,camunda
 * (the dev stack's embedded Zeebe engine), a run started over REST with {@code "engine":
 * "camunda"} and a canary deployment, approved by a second user, while the test sends real
 * prediction requests and feedback to the server's predict API; the BPMN process's gates read
 * that traffic from the prediction log, and the candidate is promoted through both steps. Then,
 * on the same server, a blue-green run: warm on the server's replica before the decision,
 * switched, the old champion kept warm for its window.
 */
class CamundaRolloutEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  private String base;
  private Map<String, String> tokens;

  @Test
  void aCanaryOnZeebePromotesAGoodCandidateOnLiveTraffic() throws Exception {
    Path local = Path.of("target", "camunda-rollout-" + UUID.randomUUID());
    String dataset = SyntheticFasta.dataset(local.resolve("rrna")).toString();
    List<FastaRecord> traffic = FastaReader.readAll(local.resolve("rrna/test.fasta"));
    System.setProperty("promoter.workers.principals", "alice=submitter,approver;bob=approver;vera=viewer");
    try (StackProperties stack = new StackProperties(home)) {
      stack.set("promoter.camunda.embedded-port", Integer.toString(StackProperties.freePort()));
      try (ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0",
          "--promoter.camunda.engines=temporal,camunda")) {
        server.getBean(CamundaWorkers.class); // connects, deploys, subscribes; seeds the dev users
        base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        tokens = DevFiles.read(home.resolve("dev-tokens"));
        ModelRegistry registry = server.getBean(ModelRegistry.class);
        FileArtifactStore store = (FileArtifactStore) server.getBean(ArtifactStore.class);
        int champion = TrainedModels.register(registry, store, "rrna", "champion", TrainedModels.archive());
        registry.promote("rrna", champion, "production", "alice", "the champion");

        // the latency budget is the loaded test machine's, not production's: a cold model's first
        // answers took 470 ms at load 30, and the gate rightly rolled that candidate back
        String spec = "{\"model\":\"rrna\",\"dataset\":\"" + dataset + "\",\"candidates\":[{\"trainer\":\"logreg\"}],"
            + "\"minimum\":0,\"engine\":\"camunda\",\"deployment\":{\"strategy\":\"canary\",\"steps\":[25,100],"
            + "\"bake\":\"PT10S\",\"minRequests\":16,\"minLabels\":3,\"maxP99Ms\":10000}}";
        HttpResponse<String> started = send("POST", "/api/v1/lifecycles", spec, "alice");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run = JSON.readTree(started.body()).get("runId").asText();
        awaitStatus(run, "AWAITING_APPROVAL");
        CompletableFuture<HttpResponse<String>> approval = http.sendAsync(request("POST",
            "/api/v1/lifecycles/" + run + "/approve", "{\"reason\":\"canary it\"}", "bob"),
            HttpResponse.BodyHandlers.ofString());
        JsonNode ended = serveUntilEnded(run, traffic);
        assertThat(approval.get().statusCode()).as(approval.get().body()).isEqualTo(200);

        assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("PROMOTED");
        int candidate = ended.get("version").asInt();
        assertThat(ended.get("rollout")).extracting(s -> s.get("name").asText())
            .containsExactly("canary 25%", "canary 100%");
        for (JsonNode step : ended.get("rollout")) {
          assertThat(step.get("outcome").asText()).isEqualTo("passed");
          assertThat(step.get("reading").get("answered").asLong()).isGreaterThanOrEqualTo(16);
          assertThat(step.get("reading").get("agreement").asDouble()).isGreaterThanOrEqualTo(0.9);
        }
        assertThat(registry.holder("rrna", "production").version()).isEqualTo(candidate);
        assertThat(new TrafficSplits(server.getBean(RegistryDatabase.class).dataSource()).of("rrna")).isEmpty();
        assertThat(registry.audit("rrna")).anyMatch(e -> e.action().equals("split")
            && e.reason().equals("run " + run + " canary step 1 of 2: 25%"));

        long blueGreenStarted = System.nanoTime();
        blueGreen(dataset, traffic, candidate, registry, server.getBean(RegistryDatabase.class));
        System.out.printf("camunda rollouts: the blue-green run (training, warm-up, switch, 10 s window) took %.1f s%n",
            (System.nanoTime() - blueGreenStarted) / 1e9);
      }
    } finally {
      System.clearProperty("promoter.workers.principals");
    }
  }

  /**
   * Blue-green on the same server, its own serving replica: the next candidate is WARM there
   * before the approval with no request sent to it, the switch answers from it, the old champion
   * keeps a warm split through a 10 s window, and then the split is gone.
   */
  private void blueGreen(String dataset, List<FastaRecord> traffic, int champion, ModelRegistry registry,
      RegistryDatabase database) throws Exception {
    TrafficSplits splits = new TrafficSplits(database.dataSource());
    String spec = "{\"model\":\"rrna\",\"dataset\":\"" + dataset + "\",\"candidates\":[{\"trainer\":\"logreg\"}],"
        + "\"minimum\":0,\"engine\":\"camunda\",\"deployment\":{\"strategy\":\"blue-green\","
        + "\"keepWarm\":\"PT10S\",\"warmTimeout\":\"PT2M\"}}";
    HttpResponse<String> started = send("POST", "/api/v1/lifecycles", spec, "alice");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String run = JSON.readTree(started.body()).get("runId").asText();
    awaitStatus(run, "AWAITING_APPROVAL");
    TrafficSplit warm = splits.get("rrna", "production");
    assertThat(warm.mode()).isEqualTo("warm");
    int candidate = warm.version();
    assertThat(candidate).isNotEqualTo(champion);
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
    while (!"WARM".equals(servingState(candidate))) {
      assertThat(System.nanoTime()).as("v" + candidate + " warm on the replica before the decision").isLessThan(deadline);
      assertThat(predict(traffic.get(0).sequence(), 0)).isEqualTo(champion);
      Thread.sleep(200);
    }
    CompletableFuture<HttpResponse<String>> approval = http.sendAsync(request("POST",
        "/api/v1/lifecycles/" + run + "/approve", "{\"reason\":\"switch it\"}", "bob"),
        HttpResponse.BodyHandlers.ofString());
    Set<Integer> answeredBy = new HashSet<>();
    boolean keptWarm = false;
    JsonNode ended = null;
    for (int i = 0; ended == null; i++) {
      TrafficSplit now = splits.get("rrna", "production");
      keptWarm |= now != null && now.version() == champion && now.mode().equals("warm");
      answeredBy.add(predict(traffic.get(i % traffic.size()).sequence(), i));
      JsonNode summary = JSON.readTree(send("GET", "/api/v1/lifecycles/" + run, null, "alice").body()).get("run");
      String status = summary.get("status").asText();
      if (!status.equals("RUNNING") && !status.equals("AWAITING_APPROVAL")) {
        ended = JSON.readTree(summary.get("resultJson").asText());
      }
      assertThat(i).as("run " + run + " never ended").isLessThan(100_000);
      Thread.sleep(50);
    }
    assertThat(approval.get().statusCode()).as(approval.get().body()).isEqualTo(200);
    assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("PROMOTED");
    assertThat(ended.get("rollout")).extracting(st -> st.get("name").asText() + " " + st.get("outcome").asText())
        .containsExactly("warm v" + candidate + " passed", "keep v" + champion + " warm passed");
    assertThat(ended.get("rollout").get(0).get("verdict").asText()).isEqualTo("warm on 1 of 1 serving replicas");
    assertThat(keptWarm).as("v" + champion + " kept a warm split after the switch").isTrue();
    assertThat(answeredBy).contains(candidate);
    assertThat(registry.holder("rrna", "production").version()).isEqualTo(candidate);
    assertThat(splits.of("rrna")).isEmpty();
    assertThat(registry.audit("rrna")).anyMatch(e -> e.action().equals("split-clear")
        && e.reason().equals("run " + run + " blue-green: the keep-warm window of v" + champion + " is over"));
  }

  /** The version's state on this server's serving replica, or null when it has not loaded it. */
  private String servingState(int version) throws Exception {
    for (JsonNode v : JSON.readTree(send("GET", "/api/v1/models/rrna/serving", null, "vera").body()).get("versions")) {
      if (v.get("version").asInt() == version) {
        return v.get("state").asText();
      }
    }
    return null;
  }

  /** One real prediction; the version that answered it. */
  private int predict(String sequence, int caller) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/models/rrna/predict"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"sequence\":\"" + sequence + "\"}"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get("vera"))
        .header("X-Request-Key", "caller-" + (caller % 97)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("version").asInt();
  }

  /**
   * Sends batches of real sequences (and the true label of each batch's first answer) until the
   * run has ended; its recorded result then.
   */
  private JsonNode serveUntilEnded(String run, List<FastaRecord> traffic) throws Exception {
    for (int i = 0; i < 100_000; i++) {
      if (i % 10 == 0) {
        JsonNode summary = JSON.readTree(send("GET", "/api/v1/lifecycles/" + run, null, "alice").body()).get("run");
        String status = summary.get("status").asText();
        if (!status.equals("RUNNING") && !status.equals("AWAITING_APPROVAL")) {
          return JSON.readTree(summary.get("resultJson").asText());
        }
      }
      StringBuilder body = new StringBuilder("{\"sequences\":[");
      for (int k = 0; k < 8; k++) {
        body.append(k == 0 ? "" : ",").append('"').append(traffic.get((i * 8 + k) % traffic.size()).sequence()).append('"');
      }
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/models/rrna/predict"))
          .POST(HttpRequest.BodyPublishers.ofString(body + "]}")).header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + tokens.get("vera")).header("X-Request-Key", "caller-" + (i % 97))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      String label = traffic.get((i * 8) % traffic.size()).attribute("class");
      HttpResponse<String> fed = send("POST", "/api/v1/models/rrna/feedback", "{\"requestId\":\""
          + JSON.readTree(answer.body()).get("requestId").asText() + "\",\"item\":0,\"label\":\"" + label + "\"}", "alice");
      assertThat(fed.statusCode()).as(fed.body()).isEqualTo(201);
    }
    throw new AssertionError("run " + run + " never ended");
  }

  private void awaitStatus(String run, String status) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> got = send("GET", "/api/v1/lifecycles/" + run, null, "alice");
      last = got.body();
      if (got.statusCode() == 200 && status.equals(JSON.readTree(last).path("run").path("status").asText())) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("run " + run + " never reached " + status + ": " + last);
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
