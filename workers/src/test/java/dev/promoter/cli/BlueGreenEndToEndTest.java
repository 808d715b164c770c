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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Blue-green end to end through a real `promoter server` on the embedded stack, with the test
 * sending real predictions the whole time and reading the serving status beside them: the
 * candidate is WARM before the switch with no request sent to it, the switch answers every request
 * (no 5xx), the old champion is unloaded once its keep-warm window is over; in a second run an
 * operator's rollback inside the window is answered by the champion that was never unloaded (the
 * same loaded model throughout: never LOADING again, the same load time), and the run ends
 * ROLLED_BACK at once, woken by the rollback, minutes before its 5-minute window would have ended.
 * Bad blue-green parameters are refused with 400 naming the field.
 */
class BlueGreenEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> PROPERTIES = Map.of(
      "promoter.workers.principals", "alice=submitter,approver;bob=approver;vera=viewer;ada=admin",
      // the old champion goes a few seconds after its window, so the test sees it go
      "promoter.serving.unload-idle", "PT3S",
      // an approval answers RUNNING once it waited this long for the run to act on it
      "promoter.approval.answer-within", "PT2S");
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  private String base;
  private Map<String, String> tokens;

  /** One answer the traffic saw: when, its HTTP status, and the version that answered. */
  private record Seen(long at, int status, int version, String body) {}

  /** One reading of the serving status for a version: its state and when its model was loaded. */
  private record Status(long at, int version, String state, String loadedAt, long requests) {}

  @Test
  void theCandidateIsWarmBeforeTheSwitchAndARollbackInsideTheWindowMeetsTheLoadedChampion() throws Exception {
    PROPERTIES.forEach(System::setProperty);
    Path local = Path.of("target", "blue-green-" + UUID.randomUUID());
    String dataset = SyntheticFasta.dataset(local.resolve("rrna")).toString();
    List<FastaRecord> traffic = FastaReader.readAll(local.resolve("rrna/test.fasta"));
    AtomicBoolean stop = new AtomicBoolean();
    try (StackProperties stack = new StackProperties(home);
        ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0")) {
      server.getBean(WorkerPools.class);
      base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
      tokens = DevFiles.read(home.resolve(WorkerConfiguration.DEV_TOKEN_FILE));
      ModelRegistry registry = server.getBean(ModelRegistry.class);
      TrafficSplits splits = new TrafficSplits(server.getBean(RegistryDatabase.class).dataSource());
      int first = TrainedModels.register(registry, (FileArtifactStore) server.getBean(ArtifactStore.class), "rrna",
          "champion", TrainedModels.archive());
      registry.promote("rrna", first, "production", "alice", "the champion");

      // refused at the front door, naming the field; nothing starts
      assertThat(refusal(spec(dataset, "\"keepWarm\":\"PT0S\"", null)))
          .isEqualTo("deployment.keepWarm: must be positive and at most 24 hours, not PT0S");
      assertThat(refusal(spec(dataset, "\"warmTimeout\":\"PT3H\"", null)))
          .isEqualTo("deployment.warmTimeout: must be at most 60 minutes, not PT3H");
      assertThat(refusal(spec(dataset, "\"keepWarm\":\"PT1M\"", "after-canary")))
          .isEqualTo("approval.decides: 'after-canary' needs deployment.strategy 'canary', not 'blue-green'");
      // the same checks on the Camunda engine, where blue-green runs too
      assertThat(refusal(spec(dataset, "\"keepWarm\":\"PT1M\"", "after-canary").replace("{\"model\"", "{\"engine\":\"camunda\",\"model\"")))
          .isEqualTo("approval.decides: 'after-canary' needs deployment.strategy 'canary', not 'blue-green'");
      assertThat(new dev.promoter.registry.LifecycleRuns(server.getBean(RegistryDatabase.class).dataSource())
          .recent(10)).isEmpty();

      List<Seen> answers = new CopyOnWriteArrayList<>();
      List<Status> statuses = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> requests = CompletableFuture.runAsync(() -> predictUntil(stop, traffic, answers));
      CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> watchUntil(stop, statuses));

      // run 1: warmed before the decision, switched, the old champion unloaded after its window
      String run = start(spec(dataset, "\"keepWarm\":\"PT15S\",\"warmTimeout\":\"PT2M\"", null));
      int candidate = awaitApproval(run).get("version").asInt();
      await(() -> state(statuses, candidate).equals("WARM"), "v" + candidate + " warm before the switch");
      assertThat(splits.get("rrna", "production")).satisfies(s -> {
        assertThat(s.version()).isEqualTo(candidate);
        assertThat(s.mode()).isEqualTo("warm");
      });
      assertThat(answers).allMatch(a -> a.version() == first); // warm, and no request went to it
      // the approval is accepted and answered while the run keeps v1 warm for 15 s: RUNNING
      HttpResponse<String> approved = approve(run).get();
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
      assertThat(JSON.readTree(approved.body()).get("status").asText()).isEqualTo("RUNNING");
      await(() -> answers.stream().anyMatch(a -> a.version() == candidate), "an answer from v" + candidate);
      JsonNode promoted = ended(run, 120);
      assertThat(promoted.get("status").asText()).as(promoted.toString()).isEqualTo("PROMOTED");
      assertThat(promoted.get("rollout")).extracting(s -> s.get("name").asText() + " " + s.get("outcome").asText())
          .containsExactly("warm v" + candidate + " passed", "keep v" + first + " warm passed");
      assertThat(promoted.get("rollout").get(0).get("verdict").asText()).isEqualTo("warm on 1 of 1 serving replicas");
      assertThat(splits.of("rrna")).isEmpty();
      await(() -> state(statuses, first).equals("gone"), "v" + first + " unloaded after its window");
      // the candidate was loaded once, before the switch, and never again
      assertThat(statuses.stream().filter(s -> s.version() == candidate).map(Status::loadedAt)
          .filter(java.util.Objects::nonNull).distinct()).hasSize(1);

      // run 2: an operator's rollback inside a 5-minute window meets the champion still loaded, and
      // wakes the run, which ends at once rather than when the window would have
      int champion = candidate;
      Status before = latest(statuses, champion);
      String second = start(spec(dataset, "\"keepWarm\":\"PT5M\",\"warmTimeout\":\"PT2M\"", null));
      int next = awaitApproval(second).get("version").asInt();
      await(() -> state(statuses, next).equals("WARM"), "v" + next + " warm before the switch");
      approve(second);
      await(() -> answers.stream().anyMatch(a -> a.version() == next), "an answer from v" + next);
      await(() -> keepingWarm(second), "the keep-warm window of v" + champion);
      long rolledBackAt = System.currentTimeMillis();
      HttpResponse<String> rollback = send("POST", "/api/v1/models/rrna/aliases/production/rollback",
          "{\"reason\":\"v" + next + " misbehaves\",\"ifCurrent\":" + next + "}", "ada");
      assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
      await(() -> answers.stream().anyMatch(a -> a.at() > rolledBackAt && a.version() == champion),
          "an answer from v" + champion + " after the rollback");
      Seen firstBack = answers.stream().filter(a -> a.at() > rolledBackAt && a.version() == champion).findFirst().orElseThrow();
      JsonNode rolledBack = ended(second, 120);
      long endedAfter = System.currentTimeMillis() - rolledBackAt;
      stop.set(true);
      requests.get();
      watcher.get();
      assertThat(rolledBack.get("status").asText()).as(rolledBack.toString()).isEqualTo("ROLLED_BACK");
      assertThat(rolledBack.get("verdict").asText()).endsWith("production went back to v" + champion
          + " during the PT5M keep-warm window, answered by the still-loaded version");
      // ended by the rollback's signal, minutes before the window's end (at load 30 a run's last
      // steps take seconds; a run that only noticed at the window's end would take 5 minutes)
      assertThat(endedAfter).as("ms from the rollback to the run's end").isLessThan(60_000);
      assertThat(registry.holder("rrna", "production").version()).isEqualTo(champion);
      assertThat(splits.of("rrna")).isEmpty();
      assertThat(registry.audit("rrna")).filteredOn(a -> a.action().equals("split-clear")).last()
          .extracting(a -> a.reason()).isEqualTo("run " + second + " blue-green: production moved to v" + champion
              + " inside the keep-warm window of v" + champion + "; nothing left to keep warm");

      // no model load on the request path: from before run 2 to the end the champion was never
      // LOADING, kept the load time it had, and its request count only grew
      List<Status> championSeen = statuses.stream().filter(s -> s.version() == champion && s.at() >= before.at()).toList();
      assertThat(championSeen).isNotEmpty().allSatisfy(s -> {
        assertThat(s.state()).isIn("WARM", "ACTIVE");
        assertThat(s.loadedAt()).isEqualTo(before.loadedAt());
      });
      assertThat(championSeen.getLast().requests()).isGreaterThan(before.requests());
      // and no request failed at either switch or at the rollback
      assertThat(answers.stream().filter(a -> a.status() != 200)).isEmpty();
      System.out.printf("blue-green: %d answers, all 200; first answer after the rollback from v%d %d ms after it;"
          + " the run ended %d ms after it; v%d loaded at %s throughout%n", answers.size(), firstBack.version(),
          firstBack.at() - rolledBackAt, endedAfter, champion, before.loadedAt());
    } finally {
      stop.set(true);
      PROPERTIES.keySet().forEach(System::clearProperty);
    }
  }

  /** Sends single real sequences until stopped, recording every answer. */
  private void predictUntil(AtomicBoolean stop, List<FastaRecord> traffic, List<Seen> answers) {
    for (int i = 0; !stop.get(); i++) {
      FastaRecord r = traffic.get(i % traffic.size());
      try {
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/models/rrna/predict"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"sequence\":\"" + r.sequence() + "\"}"))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get("vera"))
            .header("X-Request-Key", "caller-" + (i % 97)).build(), HttpResponse.BodyHandlers.ofString());
        int version = a.statusCode() == 200 ? JSON.readTree(a.body()).get("version").asInt() : -1;
        answers.add(new Seen(System.currentTimeMillis(), a.statusCode(), version, a.body()));
        Thread.sleep(20);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Reads the serving status until stopped, recording each version's state and load time. */
  private void watchUntil(AtomicBoolean stop, List<Status> statuses) {
    while (!stop.get()) {
      try {
        JsonNode view = JSON.readTree(send("GET", "/api/v1/models/rrna/serving", null, "vera").body());
        long at = System.currentTimeMillis();
        Set<Integer> listed = ConcurrentHashMap.newKeySet();
        for (JsonNode v : view.get("versions")) {
          listed.add(v.get("version").asInt());
          statuses.add(new Status(at, v.get("version").asInt(), v.get("state").asText(),
              v.get("loadedAt").isNull() ? null : v.get("loadedAt").asText(), v.get("requests").asLong()));
        }
        for (int gone : List.of(1, 2, 3)) {
          if (!listed.contains(gone)) {
            statuses.add(new Status(at, gone, "gone", null, 0));
          }
        }
        Thread.sleep(50);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static String state(List<Status> statuses, int version) {
    Status last = latest(statuses, version);
    return last == null ? "none" : last.state();
  }

  private static Status latest(List<Status> statuses, int version) {
    Status last = null;
    for (Status s : statuses) {
      if (s.version() == version) {
        last = s;
      }
    }
    return last;
  }

  private boolean keepingWarm(String run) {
    try {
      JsonNode progress = JSON.readTree(send("GET", "/api/v1/lifecycles/" + run, null, "alice").body()).get("progress");
      return progress != null && !progress.isNull() && progress.get("rollout").size() == 2
          && progress.get("rollout").get(1).get("outcome").asText().equals("running");
    } catch (Exception e) {
      return false; // a progress query can time out while the machine is loaded: ask again
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("never: " + what);
      }
      Thread.sleep(50);
    }
  }

  private String refusal(String spec) throws Exception {
    HttpResponse<String> refused = send("POST", "/api/v1/lifecycles", spec, "alice");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    return JSON.readTree(refused.body()).get("detail").asText();
  }

  private String start(String spec) throws Exception {
    HttpResponse<String> started = send("POST", "/api/v1/lifecycles", spec, "alice");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return JSON.readTree(started.body()).get("runId").asText();
  }

  /** Approves; the answer comes once the run acted, or RUNNING after the answer window. */
  private CompletableFuture<HttpResponse<String>> approve(String run) {
    return http.sendAsync(request("POST", "/api/v1/lifecycles/" + run + "/approve", "{\"reason\":\"switch it\"}", "bob"),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode awaitApproval(String run) throws Exception {
    String last = null;
    for (int i = 0; i < 1_500; i++) {
      HttpResponse<String> got = send("GET", "/api/v1/lifecycles/" + run, null, "alice");
      last = got.body();
      if (got.statusCode() == 200) {
        JsonNode progress = JSON.readTree(got.body()).get("progress");
        if (progress != null && !progress.isNull()) {
          String status = progress.get("status").asText();
          if (status.equals("AWAITING_APPROVAL")) {
            return progress;
          }
          assertThat(status).as(last).isEqualTo("RUNNING");
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run " + run + " never waited for approval: " + last);
  }

  /** The run's recorded result once it has ended. */
  private JsonNode ended(String run, int seconds) throws Exception {
    for (int i = 0; i < seconds * 5; i++) {
      HttpResponse<String> got = send("GET", "/api/v1/lifecycles/" + run, null, "alice");
      if (got.statusCode() == 200) {
        JsonNode summary = JSON.readTree(got.body()).get("run");
        String status = summary.get("status").asText();
        if (!status.equals("RUNNING") && !status.equals("AWAITING_APPROVAL")) {
          return JSON.readTree(summary.get("resultJson").asText());
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run " + run + " never ended");
  }

  private static String spec(String dataset, String parameters, String decides) {
    return "{\"model\":\"rrna\",\"dataset\":\"" + dataset + "\",\"candidates\":[{\"trainer\":\"logreg\"}],"
        + "\"minimum\":0,\"deployment\":{\"strategy\":\"blue-green\"," + parameters + "}"
        + (decides == null ? "" : ",\"approval\":{\"decides\":\"" + decides + "\"}") + "}";
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
