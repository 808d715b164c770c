package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill: a serving replica is killed ({@code kill -9}) in the middle of a canary step. Three JVMs
 * on loopback: the stack ({@code server --pools cpu}: Temporal, Postgres, the CPU pool that
 * trains and runs the rollout's activities) and two serving replicas ({@code server --pools
 * none}) attached to it. The test is the load balancer and its callers ({@link ReplicaBalancer}):
 * four clients send real batches of predictions over both replicas, a refused connection is
 * retried on the other replica, a request that breaks after it went out is not.
 *
 * <p>It shows: the live replicas answer no 5xx; the only failures are the dead replica's requests
 * in flight at the kill (at most one per client); the prediction log holds no error row of the
 * dead replica's answers nor any at all, and the gates read with a zero error budget
 * ({@code maxErrorRate 0}, so a single model error counted against the candidate would roll it
 * back); the canary completes and promotes the good candidate.
 */
class ServingReplicaCrashDrillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START = Duration.ofMinutes(3);
  private static final int CLIENTS = 4;
  private static final int BATCH = 8;
  // the canary answers the balancer sees before the kill: enough that the step is well under way
  private static final int CANARY_ANSWERS_BEFORE_KILL = 12;
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  @TempDir Path data;

  @Test
  void aReplicaKilledMidCanaryLosesOnlyItsInFlightRequestsAndIsNotTheModelsError() throws Exception {
    Instant began = Instant.now();
    SyntheticFasta.dataset(data.resolve("rrna"));
    List<FastaRecord> traffic = FastaReader.readAll(data.resolve("rrna/test.fasta"));
    int postgres = StackProperties.freePort();
    int temporal = StackProperties.freePort();
    try (ServerProcess stack = ServerProcess.start(home, data, postgres, temporal, "cpu", "stack")) {
      stack.awaitLog("serving; Ctrl-C to stop", START);
      // one replica after the other: two JVMs starting at once on a loaded 2-core machine can
      // miss the Temporal health check's deadline
      try (ServerProcess doomed = replica(postgres, temporal, "replica-a");
          ServerProcess survivor = replica(postgres, temporal, "replica-b")) {
        DrillApi api = new DrillApi(stack, home);
        String bob = DevFiles.read(home.resolve("dev-tokens")).get("bob");

        // the champion: a direct lifecycle, approved
        String first = api.start(spec(""));
        api.awaitPending(first, START, stack);
        assertThat(api.approve(first, "the champion")).isEqualTo("PROMOTED");

        // live traffic from here on, as production has it; both replicas have loaded the
        // champion and answer before the canary starts (a cold replica's first requests wait for
        // the model to load, on a loaded machine longer than a bake)
        ReplicaBalancer balancer = ReplicaBalancer.start(List.of(doomed.httpPort, survivor.httpPort), CLIENTS,
            "/api/v1/models/rrna/predict", bob, n -> batch(traffic, n), n -> "caller-" + (n % 97));
        Instant rolloutStarted;
        Instant killedAt;
        long killedNanos;
        long canaryBeforeKill;
        long survivorBeforeKill;
        String stepAtKill;
        String run;
        JsonNode ended;
        try (balancer) {
          await(() -> balancer.answeredBy(doomed.httpPort) >= 5 && balancer.answeredBy(survivor.httpPort) >= 5,
              "both replicas answering", balancer, doomed, survivor);

          // the candidate: a canary of two steps with a zero error budget
          run = api.start(spec(",\"deployment\":{\"strategy\":\"canary\",\"steps\":[50,100],"
              + "\"bake\":\"PT10S\",\"minRequests\":16,\"maxErrorRate\":0.0,\"maxP99Ms\":10000}"));
          api.awaitPending(run, START, stack);
          rolloutStarted = Instant.now();
          CompletableFuture<HttpResponse<String>> approval = http.sendAsync(HttpRequest.newBuilder(
                  URI.create(stack.base() + "/api/v1/lifecycles/" + run + "/approve"))
              .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + bob)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"canary it\"}")).build(),
              HttpResponse.BodyHandlers.ofString());
          await(() -> balancer.answered("canary") >= CANARY_ANSWERS_BEFORE_KILL, "canary traffic", balancer,
              doomed, survivor, stack);
          canaryBeforeKill = balancer.answered("canary");
          survivorBeforeKill = balancer.answeredBy(survivor.httpPort);
          doomed.kill();
          killedNanos = System.nanoTime(); // the process is gone: nothing sent later reaches it
          killedAt = Instant.now();
          stepAtKill = runningStep(api.run(run));
          ended = awaitEnd(api, run, stack, survivor);
          assertThat(approval.get().statusCode()).as(approval.get().body()).isEqualTo(200);
        }

        Map<String, Long> statuses = balancer.statuses();
        List<ReplicaBalancer.InFlightFailure> failed = balancer.inFlightFailures();
        long answeredAfter = balancer.answeredBy(survivor.httpPort) - survivorBeforeKill;
        try (Connection registry = DrillChecks.registry(home, postgres)) {
          // what the dead replica answered and logged before it died; rows still in its write
          // queue died with it (answers the gate never saw, not errors)
          Map<String, Long> deadRows = outcomes(registry, balancer.requestIdsAnsweredBy(doomed.httpPort));
          System.out.printf("drill: %d requests of %d sequences sent by %d clients over 2 replicas; replica A killed "
                  + "%.1f s after the approval, during '%s', after %d canary answers; %d failed in flight (%s); "
                  + "%d refused by the dead A and answered by B; %d answered by B after the kill; answers by "
                  + "replica and status %s; by route %s; A answered %d requests, their log rows by outcome %s; "
                  + "all log rows by outcome %s; gate readings %s; run %s -> %s v%s; %.0f s in all%n",
              balancer.sent(), BATCH, CLIENTS, Duration.between(rolloutStarted, killedAt).toMillis() / 1000.0,
              stepAtKill, canaryBeforeKill, failed.size(), failed, balancer.refusedAndRetried(), answeredAfter,
              statuses, balancer.routes(), balancer.answeredBy(doomed.httpPort), deadRows, outcomes(registry, null),
              readings(ended), run, ended.get("status").asText(), ended.get("version").asText(),
              Duration.between(began, Instant.now()).toMillis() / 1000.0);

          // traffic continued on the survivor; no 5xx (nor any other refusal) from either replica
          statuses.forEach((answer, count) -> assertThat(answer).as(statuses.toString()).endsWith(" 200"));
          assertThat(answeredAfter).isPositive();
          // the only failures: the dead replica's requests that were in flight when it died
          assertThat(failed).hasSizeLessThanOrEqualTo(CLIENTS)
              .allSatisfy(f -> assertThat(f.port()).isEqualTo(doomed.httpPort))
              .allSatisfy(f -> assertThat(f.sentNanos()).isLessThan(killedNanos));
          long ok = statuses.values().stream().mapToLong(Long::longValue).sum();
          assertThat(ok + failed.size()).isEqualTo(balancer.sent());

          // the canary completed: every step passed with no model error, the candidate promoted
          assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("PROMOTED");
          for (JsonNode step : ended.get("rollout")) {
            assertThat(step.get("outcome").asText()).as(step.toString()).isEqualTo("passed");
            assertThat(step.get("reading").get("modelErrors").asLong()).as(step.toString()).isZero();
          }
          int candidate = ended.get("version").asInt();
          assertThat(holder(registry)).isEqualTo(candidate);

          // no failure row anywhere in the log, the dead replica's included
          assertThat(deadRows).containsKey("ok").doesNotContainKeys("model_error", "unavailable");
          assertThat(outcomes(registry, null)).containsOnlyKeys("ok");
          assertThat(DrillChecks.danglingAliases(registry)).isEmpty();
          // each canary step's split audited once (the steps differ only in the share, which the
          // audit keeps in its details, so the drills' duplicate check does not apply to them)
          assertThat(DrillChecks.audit(registry)).filteredOn(a -> a.startsWith("split rrna v" + candidate + " "))
              .hasSize(2);
          assertThat(DrillChecks.audit(registry)).filteredOn(a -> a.startsWith("promote rrna v" + candidate
              + " production ")).hasSize(1);
        }
      }
    }
  }

  // a serving replica attached to the stack, started and ready (stopped again if it fails to start)
  private ServerProcess replica(int postgres, int temporal, String name) throws Exception {
    ServerProcess replica = ServerProcess.start(home, data, postgres, temporal, "none", name);
    try {
      return replica.awaitLog("serving; Ctrl-C to stop", START);
    } catch (AssertionError | Exception e) {
      replica.close();
      throw e;
    }
  }

  // waits for a condition the balancer shows; fails with its counts and the processes' logs
  private static void await(java.util.function.BooleanSupplier condition, String what, ReplicaBalancer balancer,
      ServerProcess... witnesses) throws Exception {
    Instant deadline = Instant.now().plus(START);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        StringBuilder logs = new StringBuilder();
        for (ServerProcess w : witnesses) {
          logs.append("\n--- ").append(w.base()).append('\n').append(w.log());
        }
        throw new AssertionError("no " + what + " within " + START + ": " + balancer.routes() + " "
            + balancer.statuses() + " " + balancer.inFlightFailures() + logs);
      }
      Thread.sleep(50);
    }
  }

  // the name of the rollout step running now, from the run's progress
  private static String runningStep(JsonNode view) {
    JsonNode progress = view.get("progress");
    if (progress != null && progress.get("rollout") != null) {
      for (JsonNode step : progress.get("rollout")) {
        if (step.get("outcome").asText().equals("running")) {
          return step.get("name").asText();
        }
      }
    }
    return "none running";
  }

  private static JsonNode awaitEnd(DrillApi api, String run, ServerProcess... witnesses) throws Exception {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      JsonNode summary = api.run(run).get("run");
      String status = summary == null ? "" : summary.get("status").asText();
      if (!status.isEmpty() && !status.equals("RUNNING") && !status.equals("AWAITING_APPROVAL")) {
        return JSON.readTree(summary.get("resultJson").asText());
      }
      Thread.sleep(250);
    }
    StringBuilder logs = new StringBuilder();
    for (ServerProcess w : witnesses) {
      logs.append("\n--- ").append(w.base()).append('\n').append(w.log());
    }
    throw new AssertionError("run " + run + " did not end within " + START + logs);
  }

  /** Prediction-log rows by outcome: of the given requests, or of all with null. */
  private static Map<String, Long> outcomes(Connection c, List<String> requestIds) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    String where = requestIds == null ? "" : " WHERE request_id = ANY (?)";
    try (PreparedStatement s = c.prepareStatement("SELECT outcome, count(*) FROM prediction_log" + where
        + " GROUP BY outcome")) {
      if (requestIds != null) {
        s.setArray(1, c.createArrayOf("text", requestIds.toArray()));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  private static int holder(Connection c) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT v.version FROM aliases a JOIN model_versions v "
        + "ON v.id = a.version_id JOIN models m ON m.id = v.model_id WHERE m.name = 'rrna' AND a.alias = 'production'");
        ResultSet rs = s.executeQuery()) {
      assertThat(rs.next()).as("a production holder").isTrue();
      return rs.getInt(1);
    }
  }

  private static List<String> readings(JsonNode ended) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode step : ended.get("rollout")) {
      JsonNode r = step.get("reading");
      out.add(step.get("name").asText() + ": " + r.get("answered").asLong() + " answered, "
          + r.get("modelErrors").asLong() + " model errors, " + r.get("unavailable").asLong() + " unavailable, "
          + "agreement " + r.get("agreement").asText());
    }
    return out;
  }

  private static String batch(List<FastaRecord> traffic, int n) {
    StringBuilder body = new StringBuilder("{\"sequences\":[");
    for (int k = 0; k < BATCH; k++) {
      body.append(k == 0 ? "" : ",").append('"').append(traffic.get((n * BATCH + k) % traffic.size()).sequence())
          .append('"');
    }
    return body.append("]}").toString();
  }

  private static String spec(String deployment) {
    return "{\"model\":\"rrna\",\"dataset\":\"rrna\",\"candidates\":[{\"trainer\":\"logreg\"}],\"minimum\":0,"
        + "\"margin\":0" + deployment + "}";
  }
}
