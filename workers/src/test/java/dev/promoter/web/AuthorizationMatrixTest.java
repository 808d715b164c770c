package dev.promoter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.promoter.service.Actor;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.ErrorKind;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.ModelService;
import dev.promoter.service.ScheduleService;
import dev.promoter.service.ServiceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every endpoint x {anonymous, viewer, submitter, approver, admin} -> the expected status, through
 * the real security configuration and controllers; the application services are the business
 * boundary, mocked here (their rules have tests of their own on the real stack).
 */
@WebMvcTest
@ContextConfiguration(classes = AuthorizationMatrixTest.App.class)
class AuthorizationMatrixTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(ApiSlice.class)
  static class App {
    @Bean
    BearerTokens tokens() {
      Map<String, Actor> actors = Map.of(
          "pmt_viewer", new Actor("vera", Set.of("viewer")),
          "pmt_submitter", new Actor("sam", Set.of("submitter")),
          "pmt_approver", new Actor("april", Set.of("approver")),
          "pmt_admin", new Actor("ada", Set.of("admin")));
      return token -> Optional.ofNullable(actors.get(token));
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean LifecycleService lifecycles;
  @MockitoBean ApprovalService approvals;
  @MockitoBean ModelService models;
  @MockitoBean ScheduleService schedules;
  @MockitoBean dev.promoter.service.DriftService drift;
  @MockitoBean dev.promoter.service.UserService users;
  @MockitoBean dev.promoter.service.ServingService serving;

  private static final String[] WHO = {null, "viewer", "submitter", "approver", "admin"};

  /** One endpoint and the status each caller gets, in the order of {@link #WHO}. */
  record Row(HttpMethod method, String path, String body, int... expected) {}

  private static final String SPEC = "{\"model\":\"m\",\"dataset\":\"data/rrna\",\"candidates\":[{\"trainer\":\"logreg\"}]}";

  private static final List<Row> MATRIX = List.of(
      new Row(HttpMethod.POST, "/api/v1/lifecycles", SPEC, 401, 403, 202, 403, 403),
      new Row(HttpMethod.GET, "/api/v1/lifecycles", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.GET, "/api/v1/lifecycles/run-1", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.POST, "/api/v1/lifecycles/run-1/approve", "{\"reason\":\"ok\"}", 401, 403, 403, 200, 403),
      new Row(HttpMethod.POST, "/api/v1/lifecycles/run-1/reject", "{\"reason\":\"no\"}", 401, 403, 403, 200, 403),
      new Row(HttpMethod.GET, "/api/v1/approvals?status=pending", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.GET, "/api/v1/models?page=0&size=10", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.GET, "/api/v1/models/m", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.GET, "/api/v1/models/m/versions/1", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.GET, "/api/v1/models/m/audit", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.PUT, "/api/v1/models/m/aliases/production", "{\"version\":1,\"reason\":\"r\"}", 401, 403, 403, 403, 200),
      new Row(HttpMethod.POST, "/api/v1/models/m/aliases/production/rollback", "{\"reason\":\"r\"}", 401, 403, 403, 403, 200),
      new Row(HttpMethod.POST, "/api/v1/models/m/predict", "{\"sequence\":\"ACGT\"}", 401, 200, 200, 200, 200),
      new Row(HttpMethod.POST, "/api/v1/models/m/predict?version=1", "{\"sequences\":[\"ACGT\"]}", 401, 200, 200, 200, 200),
      new Row(HttpMethod.GET, "/api/v1/models/m/serving", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.POST, "/api/v1/models/m/feedback", "{\"requestId\":\"r\",\"label\":\"16S\"}", 401, 403, 201, 201, 403),
      new Row(HttpMethod.POST, "/api/v1/schedules", "{\"name\":\"n\",\"cron\":\"0 2 * * *\",\"lifecycle\":" + SPEC + "}", 401, 403, 201, 403, 403),
      new Row(HttpMethod.GET, "/api/v1/schedules", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.DELETE, "/api/v1/schedules/n", null, 401, 403, 403, 403, 204),
      new Row(HttpMethod.GET, "/api/v1/models/m/drift", null, 401, 200, 200, 200, 200),
      new Row(HttpMethod.PUT, "/api/v1/models/m/drift", "{\"interval\":\"15m\"}", 401, 403, 201, 403, 403),
      new Row(HttpMethod.DELETE, "/api/v1/models/m/drift", null, 401, 403, 403, 403, 204),
      new Row(HttpMethod.POST, "/api/v1/users", "{\"name\":\"u\",\"roles\":[\"viewer\"]}", 401, 403, 403, 403, 201),
      new Row(HttpMethod.GET, "/api/v1/users", null, 401, 403, 403, 403, 200),
      new Row(HttpMethod.PUT, "/api/v1/users/u/roles", "{\"roles\":[\"viewer\"]}", 401, 403, 403, 403, 204),
      new Row(HttpMethod.DELETE, "/api/v1/users/u", null, 401, 403, 403, 403, 204),
      new Row(HttpMethod.POST, "/api/v1/tokens", "{\"user\":\"u\",\"ttl\":\"P30D\"}", 401, 403, 403, 403, 201),
      new Row(HttpMethod.GET, "/api/v1/tokens", null, 401, 403, 403, 403, 200),
      new Row(HttpMethod.DELETE, "/api/v1/tokens/tok_abcdefghij", null, 401, 403, 403, 403, 204));

  @Test
  void everyEndpointForEveryRole() throws Exception {
    when(schedules.create(any(), any(), any(), any(), any())).thenReturn(new ScheduleService.ScheduleView(
        "n", "0 2 * * *", "SKIP", "m", "cron-workflow", "sam", Instant.EPOCH, Instant.EPOCH));
    when(lifecycles.start(any(), any())).thenReturn("m-run");
    when(drift.put(any(), any(), any())).thenReturn(new dev.promoter.service.DriftService.Started(
        new dev.promoter.service.DriftService.MonitorView("m", dev.promoter.workflows.drift.DriftSettings.DEFAULT,
            "sam", Instant.EPOCH), true));
    when(users.createToken(any(), any(), any(), any())).thenReturn(
        new dev.promoter.registry.NewToken("tok_abcdefghij", "pmt_secret", Instant.EPOCH));
    when(serving.predict(any(), any(), any(), any(Boolean.class))).thenReturn(new dev.promoter.service.ServingService.Answers(
        "req-1", "m", 1, "primary", List.of(new dev.promoter.service.ServingService.Answer(null, "16S", 0.9,
            Map.of("16S", 0.9, "18S", 0.1), 1, "primary"))));
    List<String> wrong = new ArrayList<>();
    for (Row row : MATRIX) {
      for (int i = 0; i < WHO.length; i++) {
        MvcResult result = mvc.perform(request(row, WHO[i])).andReturn();
        int status = result.getResponse().getStatus();
        if (status != row.expected()[i]) {
          wrong.add(row.method() + " " + row.path() + " as " + WHO[i] + ": " + status
              + " (expected " + row.expected()[i] + ") " + result.getResponse().getContentAsString());
        }
        if (status == 401 || status == 403) {
          assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aBadTokenIs401AndARefusalCarriesTheServicesMessage() throws Exception {
    MvcResult bad = mvc.perform(request(new Row(HttpMethod.GET, "/api/v1/models", null), "nobody")).andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(401);
    assertThat(bad.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(bad.getResponse().getContentAsString()).contains("unknown, expired or revoked");

    when(approvals.decide(any(), any(), any(Boolean.class), any())).thenThrow(new ServiceException(
        ErrorKind.FORBIDDEN, "april submitted this run and cannot also decide on it (four eyes)"));
    MvcResult refused = mvc.perform(request(new Row(HttpMethod.POST, "/api/v1/lifecycles/r/approve",
        "{\"reason\":\"mine\"}"), "approver")).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getResponse().getContentAsString()).contains("(four eyes)").contains("\"status\":403");

    MvcResult garbled = mvc.perform(request(new Row(HttpMethod.POST, "/api/v1/lifecycles", "{not json"), "submitter")).andReturn();
    assertThat(garbled.getResponse().getStatus()).isEqualTo(400);
    assertThat(garbled.getResponse().getContentAsString()).contains("unreadable request body");

    // JSON that parses but does not fit: the field and what it should hold, no Java class names
    MvcResult wrongKind = mvc.perform(request(new Row(HttpMethod.POST, "/api/v1/lifecycles",
        "{\"model\":\"m\",\"candidates\":[\"logreg\"]}"), "submitter")).andReturn();
    assertThat(wrongKind.getResponse().getStatus()).isEqualTo(400);
    assertThat(wrongKind.getResponse().getContentAsString())
        .contains("unreadable request body: candidates[0]: expected an object, not a string ('logreg')")
        .doesNotContain("dev.promoter").doesNotContain("Creator");
  }

  /** Once from a controller's body reader, once from a mapping's {@code consumes} (no handler chosen yet). */
  @Test
  void aWrongContentTypeIsAProblemDocumentNamingWhatIsAccepted() throws Exception {
    for (var call : Map.of("/api/v1/lifecycles", "pmt_submitter", "/api/v1/models/m/predict", "pmt_viewer").entrySet()) {
      String path = call.getKey();
      MvcResult text = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
          .post(path).header("Authorization", "Bearer " + call.getValue())
          .contentType(MediaType.TEXT_PLAIN).content(SPEC)).andReturn();
      assertThat(text.getResponse().getStatus()).as(path).isEqualTo(415);
      assertThat(text.getResponse().getContentType()).as(path).isEqualTo("application/problem+json");
      assertThat(text.getResponse().getContentAsString()).as(path).contains("\"status\":415")
          .contains("\"type\":\"https://promoter.dev/problems/unsupported-media-type\"")
          .contains("Content-Type text/plain is not accepted here; send ").contains("application/json");
    }
    verifyNoInteractions(lifecycles, serving);
  }

  private static MockHttpServletRequestBuilder request(Row row, String who) {
    MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(row.method(), row.path());
    if (who != null) {
      request.header("Authorization", "Bearer " + (who.equals("nobody") ? "pmt_nobody" : "pmt_" + who));
    }
    if (row.body() != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(row.body());
    }
    return request;
  }
}
