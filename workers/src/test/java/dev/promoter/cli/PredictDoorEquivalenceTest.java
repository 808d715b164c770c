package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.app.PromoterApplication;
import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.identity.IdentityService;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.RegistryDatabase;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.serving.PredictionWriter;
import dev.promoter.serving.TrainedModels;
import dev.promoter.stack.PromoterProperties;
import dev.promoter.worker.WorkerConfiguration;
import dev.promoter.worker.WorkerProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The predict API's lean door (PredictDoor) against the general filter chain, on a real server and
 * Postgres: the same home is served twice, first with {@code promoter.http.predict-door=false},
 * then with the door, and the same requests (good ones, every kind of refusal) must get the same
 * status, headers, body (request ids aside), prediction-log rows and request timers from both;
 * each also has its expected status and message, so that both doors cannot be wrong alike. The
 * door's counter shows which requests it answered itself. The general chain is served on Tomcat's
 * platform threads ({@code promoter.http.virtual-threads=false}), the door on the virtual request
 * threads a server uses by default, so that the answers are also the same on either kind of thread.
 */
class PredictDoorEquivalenceTest {
  /**
   * Not compared: the date, and how the body is framed. MVC flushes its JSON and so sends it
   * chunked; the door sends the same bytes with a Content-Length, in one write instead of two.
   */
  private static final Set<String> PER_RESPONSE = Set.of("date", "keep-alive", "connection", "content-length",
      "transfer-encoding");
  private static final Pattern METER = Pattern.compile(
      "(?m)^((?:http_server_requests|promoter_serving_predictions)_seconds_count\\{[^}]*method=\"POST\"[^}]*}|"
          + "promoter_serving_predictions_seconds_count\\{[^}]*}|promoter_serving_door_total\\{[^}]*}) (\\S+)$");
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  private final Map<String, String> tokens = new LinkedHashMap<>();

  /** A request, who sends it (a key of {@link #tokens} or a raw Authorization value), and what it must get. */
  record Case(String name, String path, String type, String body, String auth, Map<String, String> headers,
      int status, String says, boolean lean) {}

  /** What a server answered. */
  record Seen(int status, Map<String, List<String>> headers, String body) {}

  @Test
  void theLeanDoorAnswersEveryPredictRequestAsTheGeneralChainDoes() throws Exception {
    System.setProperty("promoter.workers.principals", "alice=submitter,approver;vera=viewer");
    try (StackProperties stack = new StackProperties(home)) {
      Served general = serve(false);
      Served lean = serve(true);
      List<String> differences = new ArrayList<>();
      for (Case c : cases()) {
        if (!lean.seen().get(c.name()).equals(general.seen().get(c.name()))) {
          differences.add(c.name() + ":\n  general " + general.seen().get(c.name()) + "\n  lean    " + lean.seen().get(c.name()));
        }
      }
      if (lean.logRows() != 2 * general.logRows()) {
        differences.add("prediction-log rows: " + general.logRows() + " after the general door, "
            + (lean.logRows() - general.logRows()) + " after the lean one");
      }
      Map<String, String> meters = new TreeMap<>(lean.meters());
      String answered = meters.remove("promoter_serving_door_total{door=\"lean\"}");
      meters.remove("promoter_serving_door_total{door=\"general\"}");
      if (!meters.equals(general.meters())) {
        differences.add("meters:\n  general " + general.meters() + "\n  lean    " + meters);
      }
      assertThat(differences).isEmpty();
      assertThat(answered).as("requests the lean door answered itself")
          .isEqualTo(cases().stream().filter(Case::lean).count() + ".0");
    } finally {
      System.clearProperty("promoter.workers.principals");
    }
  }

  /** What one server answered to every case, its prediction-log rows, and its request meters. */
  record Served(Map<String, Seen> seen, int logRows, Map<String, String> meters) {}

  private Served serve(boolean door) throws Exception {
    try (ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0",
        "--promoter.http.predict-door=" + door, "--promoter.http.virtual-threads=" + door)) {
      assertThat(requestThreads(server)).as("Tomcat's request threads")
          .isInstanceOf(door ? VirtualThreadExecutor.class : org.apache.tomcat.util.threads.ThreadPoolExecutor.class);
      String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
      if (tokens.isEmpty()) {
        seed(server);
      }
      Map<String, Seen> seen = new LinkedHashMap<>();
      for (Case c : cases()) {
        HttpResponse<String> answer = send(base, c);
        assertThat(answer.statusCode()).as(c.name() + ": " + answer.body()).isEqualTo(c.status());
        assertThat(answer.body()).as(c.name()).contains(c.says());
        seen.put(c.name(), seen(answer));
      }
      server.getBean(PredictionWriter.class).flush();
      int rows = new PredictionLog(server.getBean(RegistryDatabase.class).dataSource()).recent("rrna", 10_000).size();
      String metrics = send(base, new Case("metrics", "/actuator/prometheus", null, null, "vera", Map.of(), 200, "", false))
          .body();
      Map<String, String> meters = new TreeMap<>();
      Matcher m = METER.matcher(metrics);
      while (m.find()) {
        meters.put(m.group(1), m.group(2));
      }
      return new Served(seen, rows, meters);
    }
  }

  private static java.util.concurrent.Executor requestThreads(ConfigurableApplicationContext server) {
    TomcatWebServer tomcat = (TomcatWebServer) ((ServletWebServerApplicationContext) server).getWebServer();
    return tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor();
  }

  /** Users, tokens (one without a role, one expired) and a production model, kept in the home for both runs. */
  private void seed(ConfigurableApplicationContext server) throws Exception {
    IdentityService identity = server.getBean(IdentityService.class);
    WorkerConfiguration.seedDevUsers(server.getBean(PromoterProperties.class), server.getBean(WorkerProperties.class),
        identity);
    tokens.putAll(DevFiles.read(home.resolve(WorkerConfiguration.DEV_TOKEN_FILE)));
    identity.addUser("nora", Set.of(), null, "test");
    tokens.put("nora", identity.createToken("nora", Duration.ofDays(1), "test").secret());
    String expired = identity.createToken("vera", Duration.ofMillis(50), "test").secret();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (identity.authenticateToken(expired).isPresent()) {
      assertThat(System.nanoTime()).as("the token expires").isLessThan(deadline);
      Thread.onSpinWait();
    }
    tokens.put("expired", expired);
    ModelRegistry registry = server.getBean(ModelRegistry.class);
    int v1 = TrainedModels.register(registry, (FileArtifactStore) server.getBean(ArtifactStore.class), "rrna", "v1",
        TrainedModels.archive());
    registry.promote("rrna", v1, "production", "alice", "first");
  }

  private static List<Case> cases() {
    List<FastaRecord> test = TrainedModels.test();
    String one = "{\"sequence\":\"" + test.get(0).sequence() + "\"}";
    String three = "{\"sequences\":[\"" + test.get(1).sequence() + "\",\"" + test.get(2).sequence() + "\",\"ACGT\"]}";
    String fasta = ">" + test.get(3).id() + "\n" + test.get(3).sequence() + "\n>second\nACGTACGT\n";
    String json = "application/json";
    String p = "/api/v1/models/rrna/predict";
    List<Case> cases = new ArrayList<>(List.of(
        new Case("single", p, json, one, "vera", Map.of(), 200, "\"route\":\"primary\"", true),
        new Case("batch ?alias=", p + "?alias=production", json + ";charset=UTF-8", three, "vera", Map.of(), 200,
            "\"predictions\":[", true),
        new Case("FASTA ?version=", p + "?version=1", "text/x-fasta", fasta, "vera", Map.of(), 200,
            "\"id\":\"second\"", true),
        new Case("request key", p, json, one, "vera", Map.of("X-Request-Key", "caller-7"), 200, "\"version\":1", true),
        new Case("request key too long", p, json, one, "vera", Map.of("X-Request-Key", "k".repeat(201)), 400,
            "the request key must be 1-200 characters", true),
        new Case("unknown version", p + "?version=99", json, one, "vera", Map.of(), 404, "99", true),
        new Case("unknown alias", p + "?alias=staging", json, one, "vera", Map.of(), 404,
            "model 'rrna' has no alias 'staging'", true),
        new Case("unknown model", "/api/v1/models/nothing/predict", json, one, "vera", Map.of(), 404,
            "unknown model 'nothing'", true),
        new Case("alias and version", p + "?alias=production&version=1", json, one, "vera", Map.of(), 400,
            "name an alias or a version, not both", true),
        new Case("version not a number", p + "?version=abc", json, one, "vera", Map.of(), 400,
            "parameter 'version' cannot be 'abc'", false),
        new Case("not a nucleotide", p, json, "{\"sequence\":\"ACGTE\"}", "vera", Map.of(), 400,
            "invalid nucleotide 'E' at column 5", true),
        new Case("sequence and sequences", p, json, "{\"sequence\":\"ACGT\",\"sequences\":[\"ACGT\"]}", "vera",
            Map.of(), 400, "not both", true),
        new Case("too many", p, json, "{\"sequences\":[" + String.join(",", Collections.nCopies(1001, "\"ACGT\"")) + "]}",
            "vera", Map.of(), 400, "at most 1000 sequences", true),
        new Case("bad JSON", p, json, "{not json", "vera", Map.of(), 400, "unreadable request body", false),
        new Case("JSON null", p, json, "null", "vera", Map.of(), 400, "the body is missing or not JSON", false),
        new Case("empty body", p, json, "", "vera", Map.of(), 400, "the body is missing or not JSON", false),
        new Case("wrong content type", p, "text/plain", one, "vera", Map.of(), 415,
            "Content-Type text/plain is not accepted here; send application/json, text/x-fasta", false),
        new Case("Accept: text/html", p, json, one, "vera", Map.of("Accept", "text/html"), 406, "", false),
        new Case("oversized body", p, json, "{\"sequence\":\"" + "A".repeat(1 << 20) + "\"}", "vera", Map.of(), 413,
            "the limit is 1048576 bytes", false),
        new Case("no token", p, json, one, null, Map.of(), 401, "authentication required", false),
        new Case("unknown token", p, json, one, "Bearer pmt_unknown", Map.of(), 401, "unknown, expired or revoked", false),
        new Case("expired token", p, json, one, "expired", Map.of(), 401, "unknown, expired or revoked", false),
        new Case("not a Promoter token", p, json, one, "Bearer abc.def", Map.of(), 401, "", false),
        new Case("not a bearer", p, json, one, "Basic dmVyYTp4", Map.of(), 401, "authentication required", false),
        new Case("token without the role", p, json, one, "nora", Map.of(), 403,
            "nora may not POST /api/v1/models/rrna/predict: needs a role", false)));
    return cases;
  }

  private HttpResponse<String> send(String base, Case c) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.path()))
        .method(c.body() == null ? "GET" : "POST", c.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(c.body()));
    if (c.type() != null) {
      request.header("Content-Type", c.type());
    }
    if (c.auth() != null) {
      request.header("Authorization", c.auth().contains(" ") ? c.auth() : "Bearer " + tokens.get(c.auth()));
    }
    c.headers().forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Seen seen(HttpResponse<String> answer) {
    Map<String, List<String>> headers = new TreeMap<>();
    answer.headers().map().forEach((name, values) -> {
      if (!PER_RESPONSE.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), values);
      }
    });
    return new Seen(answer.statusCode(), headers,
        answer.body().replaceAll("\"requestId\":\"[0-9a-f-]{36}\"", "\"requestId\":\"*\""));
  }
}
