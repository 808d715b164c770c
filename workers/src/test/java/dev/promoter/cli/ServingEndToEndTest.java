package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.app.PromoterApplication;
import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.FileArtifactStore;
import dev.promoter.identity.IdentityService;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.PredictionLog;
import dev.promoter.registry.PredictionRecord;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Online serving through a real `promoter server` with the dev users' tokens: predictions single,
 * batch and FASTA, 400 with the reader's message, the batch limit, a corrupt new production
 * version answered by the previous one, 503 when nothing can answer, the serving states,
 * feedback by role, the prediction log and the Prometheus timers.
 */
class ServingEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path home;
  private String base;

  @Test
  void predictFallBackLogAndMeasureThroughARunningServer() throws Exception {
    System.setProperty("promoter.workers.principals", "alice=submitter,approver;bob=approver;vera=viewer");
    System.setProperty("promoter.serving.alias-refresh", "0s");
    try (StackProperties stack = new StackProperties(home);
        ConfigurableApplicationContext server = PromoterApplication.startServer("--server.port=0")) {
      WorkerConfiguration.seedDevUsers(server.getBean(PromoterProperties.class), server.getBean(WorkerProperties.class),
          server.getBean(IdentityService.class));
      base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
      Map<String, String> tokens = DevFiles.read(home.resolve(WorkerConfiguration.DEV_TOKEN_FILE));
      String vera = tokens.get("vera");
      ModelRegistry registry = server.getBean(ModelRegistry.class);
      FileArtifactStore store = (FileArtifactStore) server.getBean(ArtifactStore.class);
      int v1 = TrainedModels.register(registry, store, "rrna", "v1", TrainedModels.archive());
      registry.promote("rrna", v1, "production", "alice", "first");
      List<FastaRecord> test = TrainedModels.test();

      HttpResponse<String> single = post("/api/v1/models/rrna/predict",
          "{\"sequence\":\"" + test.get(0).sequence() + "\"}", vera);
      assertThat(single.statusCode()).as(single.body()).isEqualTo(200);
      JsonNode one = JSON.readTree(single.body());
      assertThat(one.get("label").asText()).isEqualTo(test.get(0).attribute("class"));
      assertThat(one.get("confidence").asDouble()).isBetween(0.0, 1.0);
      assertThat(one.get("probabilities").size()).isEqualTo(8);
      assertThat(one.get("version").asInt()).isEqualTo(v1);
      assertThat(one.get("route").asText()).isEqualTo("primary");
      String requestId = one.get("requestId").asText();

      StringBuilder batchBody = new StringBuilder("{\"sequences\":[");
      StringBuilder fasta = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        batchBody.append(i == 0 ? "" : ",").append('"').append(test.get(i).sequence()).append('"');
        fasta.append('>').append(test.get(i).id()).append('\n').append(test.get(i).sequence()).append('\n');
      }
      JsonNode batch = JSON.readTree(post("/api/v1/models/rrna/predict?alias=production", batchBody + "]}", vera).body());
      assertThat(batch.get("predictions").size()).isEqualTo(8);
      for (int i = 0; i < 8; i++) {
        assertThat(batch.get("predictions").get(i).get("label").asText()).isEqualTo(test.get(i).attribute("class"));
      }
      HttpResponse<String> fromFasta = send("POST", "/api/v1/models/rrna/predict?version=" + v1, fasta.toString(),
          "text/x-fasta", vera);
      assertThat(fromFasta.statusCode()).as(fromFasta.body()).isEqualTo(200);
      assertThat(JSON.readTree(fromFasta.body()).get("predictions").get(7).get("id").asText()).isEqualTo(test.get(7).id());

      HttpResponse<String> bad = post("/api/v1/models/rrna/predict", "{\"sequence\":\"ACGTE\"}", vera);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(JSON.readTree(bad.body()).get("detail").asText())
          .isEqualTo("sequence: invalid nucleotide 'E' at column 5 (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
      String tooMany = "{\"sequences\":[" + String.join(",", Collections.nCopies(1001, "\"ACGT\"")) + "]}";
      HttpResponse<String> limit = post("/api/v1/models/rrna/predict", tooMany, vera);
      assertThat(limit.statusCode()).isEqualTo(400);
      assertThat(limit.body()).contains("at most 1000 sequences");
      assertThat(post("/api/v1/models/rrna/predict", "{\"sequence\":\"ACGT\"}", null).statusCode()).isEqualTo(401);

      int v2 = TrainedModels.registerCorrupt(registry, store, "rrna", "v2");
      registry.promote("rrna", v2, "production", "alice", "a broken build");
      JsonNode fallback = JSON.readTree(post("/api/v1/models/rrna/predict", "{\"sequence\":\"ACGTACGTTTGA\"}", vera).body());
      assertThat(fallback.get("version").asInt()).isEqualTo(v1);
      assertThat(fallback.get("route").asText()).isEqualTo("fallback");
      JsonNode states = JSON.readTree(send("GET", "/api/v1/models/rrna/serving", null, null, vera).body());
      assertThat(states.get("aliases").get("production").asInt()).isEqualTo(v2);
      assertThat(states.get("versions").get(0).get("state").asText()).isEqualTo("ACTIVE");
      assertThat(states.get("versions").get(1).get("state").asText()).isEqualTo("FAILED");
      assertThat(states.get("versions").get(1).get("cause").asText()).startsWith("rrna v2 cannot serve:");

      int broken = TrainedModels.registerCorrupt(registry, store, "broken", "b1");
      registry.promote("broken", broken, "production", "alice", "only version");
      HttpResponse<String> none = post("/api/v1/models/broken/predict", "{\"sequence\":\"ACGT\"}", vera);
      assertThat(none.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(none.body()).get("detail").asText())
          .startsWith("broken@production cannot answer: broken v1 cannot serve:");
      assertThat(post("/api/v1/models/nothing/predict", "{\"sequence\":\"ACGT\"}", vera).statusCode()).isEqualTo(404);

      String feedback = "{\"requestId\":\"" + requestId + "\",\"label\":\"16S\"}";
      assertThat(post("/api/v1/models/rrna/feedback", feedback, vera).statusCode()).isEqualTo(403);
      HttpResponse<String> sent = post("/api/v1/models/rrna/feedback", feedback, tokens.get("bob"));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      assertThat(JSON.readTree(sent.body()).get("recordedBy").asText()).isEqualTo("bob");

      server.getBean(PredictionWriter.class).flush();
      PredictionLog log = new PredictionLog(server.getBean(RegistryDatabase.class).dataSource());
      List<PredictionRecord> rows = log.recent("rrna", 100);
      // 18 answers, and the corrupt v2's failure on the request v1 answered: charged to v2
      assertThat(rows).hasSize(1 + 8 + 8 + 1 + 1);
      assertThat(rows).filteredOn(r -> r.version() == v2).singleElement().satisfies(r -> {
        assertThat(r.outcome()).isEqualTo(PredictionRecord.MODEL_ERROR);
        assertThat(r.label()).isNull();
        assertThat(r.requestId()).isEqualTo(rows.getFirst().requestId());
      });
      assertThat(rows).filteredOn(r -> r.requestId().equals(requestId)).singleElement()
          .satisfies(r -> assertThat(r.features()).containsKeys("length", "gc"));
      assertThat(rows.getFirst().route()).isEqualTo("fallback");
      assertThat(log.feedbackLabel(requestId, 0)).isEqualTo("16S");

      String metrics = send("GET", "/actuator/prometheus", null, null, vera).body();
      assertThat(metrics).contains("promoter_serving_predictions_seconds{model=\"rrna\",route=\"fallback\","
          + "version=\"1\",quantile=\"0.99\"}");
      assertThat(metrics).containsPattern("promoter_serving_predictions_seconds_count\\{model=\"rrna\",route=\"primary\",version=\"1\"} 3");
    } finally {
      System.clearProperty("promoter.workers.principals");
      System.clearProperty("promoter.serving.alias-refresh");
    }
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    return send("POST", path, body, "application/json", token);
  }

  private HttpResponse<String> send(String method, String path, String body, String type, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
