package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.app.PromoterApplication;
import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.StoredArtifact;
import dev.promoter.experiment.TrainingResult;
import dev.promoter.experiment.TrainingRun;
import dev.promoter.identity.IdentityService;
import dev.promoter.registry.LifecycleRuns;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.registry.RunSummary;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.serving.PredictionWriter;
import dev.promoter.stack.PromoterProperties;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import dev.promoter.worker.WorkerConfiguration;
import dev.promoter.worker.WorkerPools;
import dev.promoter.workflows.lifecycle.CandidateConfig;
import dev.promoter.workflows.lifecycle.LifecycleRequest;
import dev.promoter.workflows.lifecycle.RunJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Drift closes the loop on the embedded stack: the real default model (logreg trained on the
 * committed data) serves through a running `promoter server`; its monitor, started over REST,
 * judges real held-out sequences sent to the predict endpoint as no drift, then AT-rich ones as
 * SIGNIFICANT, and starts exactly one retraining lifecycle, audited, submitted as the monitor's
 * owner; bad input and the wrong role change nothing.
 */
class DriftEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  private String base;

  @Test
  void shiftedTrafficStartsExactlyOneRetrain() throws Exception {
    assumeTrue(Files.isRegularFile(ROOT.resolve("data/rrna/train.fasta.gz")), "data/rrna not present");
    RrnaDataset data = RrnaDataset.load(ROOT.resolve("data/rrna"));
    TrainingResult trained = TrainingRun.run(data, TrainerConfig.defaults(TrainerKind.LOGREG));
    System.setProperty("promoter.workers.principals", "alice=submitter,approver;bob=approver;vera=viewer;ada=admin");
    try (StackProperties stack = new StackProperties(home).set("promoter.workers.data-root", ROOT.toString());
        ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0")) {
      WorkerConfiguration.seedDevUsers(server.getBean(PromoterProperties.class),
          server.getBean(dev.promoter.worker.WorkerProperties.class), server.getBean(IdentityService.class));
      server.getBean(WorkerPools.class);
      base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
      Map<String, String> tokens = DevFiles.read(home.resolve(WorkerConfiguration.DEV_TOKEN_FILE));
      var db = server.getBean(RegistryDatabase.class).dataSource();
      ModelRegistry registry = server.getBean(ModelRegistry.class);
      // production v1 as a lifecycle run registers it: the run's request (the retrain template)
      // names the dataset, the version's lineage names the run and the dataset's digest
      LifecycleRequest request = new LifecycleRequest("rrna", "data/rrna",
          List.of(new CandidateConfig("logreg", "logreg", "cpu", Map.of())), "macro_f1", 0.9, 0.0, null, "bob", null);
      new LifecycleRuns(db).started("rrna-first-run", "LIFECYCLE", "rrna", "bob", RunJson.request(request));
      ByteArrayOutputStream zip = new ByteArrayOutputStream();
      trained.bundle().writeArchive(zip);
      StoredArtifact artifact = server.getBean(ArtifactStore.class).put(new ByteArrayInputStream(zip.toByteArray()));
      int v1 = registry.register(new NewVersion("rrna", "rrna-first-run/register", artifact.uri().toString(),
          artifact.sha256(), "tribuo", Map.of("macro_f1", 0.99), Map.of("trainer", "logreg"), null,
          new Lineage(data.digest(), "test", "rrna-first-run"), "bob"));
      registry.promote("rrna", v1, "production", "bob", "first");

      // bad input and the wrong role: 400 and 403, nothing written, nothing started
      HttpResponse<String> bad = send("PUT", "/api/v1/models/rrna/drift", "{\"interval\":\"5x\"}", tokens.get("alice"));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(bad.body()).get("detail").asText()).startsWith("invalid interval '5x'");
      assertThat(send("PUT", "/api/v1/models/rrna/drift", "{\"minimumPredictions\":5}", tokens.get("alice")).body())
          .contains("minimum predictions 5 is outside 20-100000");
      assertThat(send("PUT", "/api/v1/models/rrna/drift", "{}", tokens.get("vera")).statusCode()).isEqualTo(403);
      assertThat(send("PUT", "/api/v1/models/nothing/drift", "{}", tokens.get("alice")).statusCode()).isEqualTo(404);
      assertThat(drift(tokens.get("vera")).get("monitor").isNull()).isTrue();

      HttpResponse<String> started = send("PUT", "/api/v1/models/rrna/drift",
          "{\"interval\":\"PT2S\",\"window\":\"1h\",\"minimumPredictions\":200,\"coolDown\":\"1d\"}", tokens.get("alice"));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      assertThat(JSON.readTree(started.body()).get("createdBy").asText()).isEqualTo("alice");

      List<String> real = new ArrayList<>(data.test().stream().map(FastaRecord::sequence).toList());
      Collections.shuffle(real, new Random(11));
      real = real.subList(0, 300);
      predict(real, tokens.get("vera"));
      server.getBean(PredictionWriter.class).flush();
      JsonNode calm = await(tokens.get("vera"), checks -> any(checks, c -> c.get("currentSize").asInt() == 300));
      for (JsonNode c : calm.get("checks")) {
        assertThat(c.get("verdict").asText()).as(c.toString()).isIn("NONE", "SKIPPED");
        assertThat(c.get("retrainRunId").isNull()).isTrue();
      }

      predict(atRich(real), tokens.get("vera"));
      server.getBean(PredictionWriter.class).flush();
      JsonNode claimed = await(tokens.get("vera"), checks -> any(checks, c -> !c.get("retrainRunId").isNull()));
      long claim = 0;
      String runId = null;
      for (JsonNode c : claimed.get("checks")) {
        if (!c.get("retrainRunId").isNull()) {
          claim = c.get("id").asLong();
          runId = c.get("retrainRunId").asText();
          assertThat(c.get("verdict").asText()).isEqualTo("SIGNIFICANT");
          assertThat(c.get("topFeatures").get(0).get("drifted").asBoolean()).isTrue();
        }
      }
      long firstClaim = claim;
      // two more checks in the same window judge again and start nothing
      JsonNode later = await(tokens.get("vera"), checks -> count(checks, c -> c.get("id").asLong() > firstClaim) >= 2);
      assertThat(count(later, c -> !c.get("retrainRunId").isNull())).isEqualTo(1);
      for (JsonNode c : later.get("checks")) {
        if (c.get("id").asLong() > firstClaim) {
          assertThat(c.get("verdict").asText()).isEqualTo("SIGNIFICANT");
          assertThat(c.get("note").asText()).contains("already started in this window (check #" + firstClaim + ")");
        }
      }
      // new settings replace the loop (200); the new loop's checks fall in the same window, and
      // the registry's claim holds across monitors: still no second retrain
      Instant replacedAt = Instant.now();
      HttpResponse<String> replaced = send("PUT", "/api/v1/models/rrna/drift",
          "{\"interval\":\"PT3S\",\"window\":\"1h\",\"minimumPredictions\":200}", tokens.get("alice"));
      assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
      // the old loop ended with the PUT: a check made after it is the new loop's
      JsonNode afterReplace = await(tokens.get("vera"), checks -> any(checks,
          c -> Instant.parse(c.get("checkedAt").asText()).isAfter(replacedAt)));
      assertThat(afterReplace.get("monitor").get("settings").get("interval").asText()).isEqualTo("PT3S");
      assertThat(count(afterReplace, c -> !c.get("retrainRunId").isNull())).isEqualTo(1);

      String run = runId;
      LifecycleRuns runs = new LifecycleRuns(db);
      RunSummary retrain = awaitRun(runs, run);
      assertThat(retrain.submittedBy()).isEqualTo("alice");
      assertThat(retrain.modelName()).isEqualTo("rrna");
      assertThat(runs.recent(100)).filteredOn(r -> r.runId().contains("-drift-")).hasSize(1);
      assertThat(registry.audit("rrna")).filteredOn(a -> a.action().equals("drift-retrain")).singleElement()
          .satisfies(a -> {
            assertThat(a.actor()).isEqualTo("promoter");
            assertThat(a.reason()).startsWith("drift check #" + firstClaim + ": SIGNIFICANT").endsWith(run);
          });

      // the model page lists the checks with their verdicts and links to the run
      String page = page("vera", DevFiles.read(home.resolve("dev-passwords")).get("vera"), "/models/rrna");
      assertThat(page).contains("id=\"drift-checks\"").contains("data-verdict=\"SIGNIFICANT\"")
          .contains("data-verdict=\"NONE\"").contains("href=\"/runs/" + run + "\"")
          .contains("submitted as").containsPattern("<span>[a-z]+\\* 0\\.\\d{3}, 0\\.0000, \\d\\.\\d{3}");

      // stopping is for admins; afterwards no monitor is shown
      assertThat(send("DELETE", "/api/v1/models/rrna/drift", null, tokens.get("alice")).statusCode()).isEqualTo(403);
      assertThat(send("DELETE", "/api/v1/models/rrna/drift", null, tokens.get("ada")).statusCode()).isEqualTo(204);
      assertThat(drift(tokens.get("vera")).get("monitor").isNull()).isTrue();
      assertThat(send("DELETE", "/api/v1/models/rrna/drift", null, tokens.get("ada")).statusCode()).isEqualTo(404);
    } finally {
      System.clearProperty("promoter.workers.principals");
    }
  }

  private static List<String> atRich(List<String> sequences) {
    Random random = new Random(7);
    return sequences.stream().map(s -> {
      char[] bases = s.toCharArray();
      for (int i = 0; i < bases.length; i++) {
        if ((bases[i] == 'G' || bases[i] == 'C') && random.nextDouble() < 0.6) {
          bases[i] = bases[i] == 'G' ? 'A' : 'T';
        }
      }
      return new String(bases);
    }).toList();
  }

  /** Through the real predict endpoint, 20 sequences a request (the body limit is 1 MB). */
  private void predict(List<String> sequences, String token) throws Exception {
    for (int from = 0; from < sequences.size(); from += 20) {
      List<String> batch = sequences.subList(from, Math.min(sequences.size(), from + 20));
      HttpResponse<String> answer = send("POST", "/api/v1/models/rrna/predict",
          JSON.writeValueAsString(Map.of("sequences", batch)), token);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
  }

  private JsonNode drift(String token) throws Exception {
    HttpResponse<String> r = send("GET", "/api/v1/models/rrna/drift?limit=500", null, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  // waits for the monitor (real time: 2 s between checks); the deadline only bounds a broken run
  private JsonNode await(String token, Predicate<JsonNode> done) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      JsonNode view = drift(token);
      if (done.test(view) || Instant.now().isAfter(deadline)) {
        assertThat(done.test(view)).as(view.toString()).isTrue();
        return view;
      }
      Thread.sleep(500);
    }
  }

  private static RunSummary awaitRun(LifecycleRuns runs, String runId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      try {
        return runs.get(runId);
      } catch (dev.promoter.registry.RegistryException e) {
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private static boolean any(JsonNode view, Predicate<JsonNode> p) {
    return count(view, p) > 0;
  }

  private static int count(JsonNode view, Predicate<JsonNode> p) {
    int n = 0;
    for (JsonNode c : view.get("checks")) {
      if (p.test(c)) {
        n++;
      }
    }
    return n;
  }

  /** A page as a signed-in user sees it: form sign-in with the CSRF token, then the session cookie. */
  private String page(String user, String password, String path) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    assertThat(csrf.find()).as(login).isTrue();
    String form = "username=" + user + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
        + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
    browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.header("Authorization", "Bearer " + token);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
