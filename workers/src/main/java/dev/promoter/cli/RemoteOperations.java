package dev.promoter.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promoter.registry.AliasMove;
import dev.promoter.registry.Page;
import dev.promoter.registry.RunSummary;
import dev.promoter.service.ErrorKind;
import dev.promoter.service.LifecycleSpec;
import dev.promoter.service.RunView;
import dev.promoter.service.ScheduleService.ScheduleView;
import dev.promoter.service.ServiceException;
import dev.promoter.workflows.lifecycle.LifecycleStatus;
import dev.promoter.workflows.retrain.OverlapPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST API of a running server, as the CLI uses it in production mode. */
final class RemoteOperations implements Operations {
  private final String url;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  RemoteOperations(String url, String token) {
    this.url = url;
    this.token = token;
  }

  @Override
  public String startLifecycle(LifecycleSpec spec) {
    return call("POST", "/api/v1/lifecycles", spec).get("runId").asText();
  }

  @Override
  public RunView run(String runId) {
    return convert(call("GET", "/api/v1/lifecycles/" + encode(runId), null), new TypeReference<>() {});
  }

  @Override
  public Page<RunSummary> runs(int size) {
    return convert(call("GET", "/api/v1/lifecycles?size=" + size, null), new TypeReference<>() {});
  }

  @Override
  public LifecycleStatus decide(String runId, boolean approve, String reason) {
    JsonNode answer = call("POST", "/api/v1/lifecycles/" + encode(runId) + (approve ? "/approve" : "/reject"),
        Map.of("reason", reason == null ? "" : reason));
    return LifecycleStatus.valueOf(answer.get("status").asText());
  }

  @Override
  public AliasMove promote(String model, String alias, int version, String reason, Integer ifCurrent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.put("reason", reason);
    body.put("ifCurrent", ifCurrent);
    return convert(call("PUT", "/api/v1/models/" + encode(model) + "/aliases/" + encode(alias), body),
        new TypeReference<>() {});
  }

  @Override
  public AliasMove rollback(String model, String alias, String reason, Integer ifCurrent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", reason);
    body.put("ifCurrent", ifCurrent);
    return convert(call("POST", "/api/v1/models/" + encode(model) + "/aliases/" + encode(alias)
        + "/rollback", body), new TypeReference<>() {});
  }

  @Override
  public ScheduleView createSchedule(String name, String cron, OverlapPolicy overlap, LifecycleSpec spec) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("cron", cron);
    body.put("overlap", overlap);
    body.put("lifecycle", spec);
    return convert(call("POST", "/api/v1/schedules", body), new TypeReference<>() {});
  }

  @Override
  public List<ScheduleView> schedules() {
    return convert(call("GET", "/api/v1/schedules", null), new TypeReference<>() {});
  }

  @Override
  public void deleteSchedule(String name) {
    call("DELETE", "/api/v1/schedules/" + encode(name), null);
  }

  @Override
  public dev.promoter.service.DriftService.MonitorView putDrift(String model,
      dev.promoter.service.DriftService.SettingsSpec spec) {
    return convert(call("PUT", "/api/v1/models/" + encode(model) + "/drift", spec), new TypeReference<>() {});
  }

  @Override
  public dev.promoter.service.DriftService.DriftView drift(String model, int limit) {
    return convert(call("GET", "/api/v1/models/" + encode(model) + "/drift?limit=" + limit, null),
        new TypeReference<>() {});
  }

  @Override
  public void stopDrift(String model) {
    call("DELETE", "/api/v1/models/" + encode(model) + "/drift", null);
  }

  @Override
  public void close() {
    http.close();
  }

  /** One request; a problem document becomes a ServiceException with its own message. */
  JsonNode call(String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
        .timeout(Duration.ofMinutes(10))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    try {
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      }
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode answer = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
      if (response.statusCode() >= 400) {
        String detail = answer.hasNonNull("detail") ? answer.get("detail").asText()
            : "HTTP " + response.statusCode() + " from " + url + path;
        throw new ServiceException(kind(response.statusCode()), detail);
      }
      return answer;
    } catch (ConnectException e) {
      throw new ServiceException(ErrorKind.UNAVAILABLE, "cannot reach Promoter at " + url
          + " (PROMOTER_URL): connection refused");
    } catch (IOException e) {
      throw new ServiceException(ErrorKind.UNAVAILABLE, "cannot reach Promoter at " + url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceException(ErrorKind.UNAVAILABLE, "interrupted");
    }
  }

  private static ErrorKind kind(int status) {
    return switch (status) {
      case 400, 413 -> ErrorKind.BAD_INPUT;
      case 401, 403 -> ErrorKind.FORBIDDEN;
      case 404 -> ErrorKind.NOT_FOUND;
      case 409 -> ErrorKind.CONFLICT;
      default -> ErrorKind.UNAVAILABLE;
    };
  }

  private <T> T convert(JsonNode node, TypeReference<T> type) {
    return json.convertValue(node, type);
  }

  /** One path segment or query value, percent-encoded. */
  static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
