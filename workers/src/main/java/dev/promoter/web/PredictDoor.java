package dev.promoter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.promoter.service.Actor;
import dev.promoter.service.ServingService;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;

/**
 * The short way in for {@code POST /api/v1/models/{name}/predict}, the endpoint called thousands of
 * times a second. A profile of the general way put Tomcat, Spring's filters, Spring Security,
 * observations and MVC dispatch at three quarters of a prediction's request-thread samples, the
 * model at 8 % (README, Benchmarks). This filter runs first and answers a plain predict request
 * itself with the same parts: the token through the same {@link BearerTokens}, the role through
 * {@link Actors#mayRead}, the {@link Actors#authorities} rule that {@code hasRole(viewer)} reads, the body through the
 * application's own ObjectMapper (or, for the usual single-sequence body and answer, {@link PredictJson},
 * which reads and writes them exactly as it does), {@link ServingController#answer} into the same
 * {@link ServingService}, failures through the same {@link ProblemAdvice}, and the security
 * headers Spring Security writes. Anything else, an unknown token, a missing role, an unusual header or a
 * body that does not parse included, goes on to the general chain, which answers it as before.
 */
final class PredictDoor implements Filter {
  private final ObjectProvider<ServingService> serving;
  private volatile ServingService service; // resolved at the first request: the application starts lazily
  private final BearerTokens tokens;
  private final ProblemAdvice advice;
  private final DoorMeters meters;
  private final long maxBody;
  private final ObjectReader bodies;
  private final ObjectWriter singles;
  private final ObjectWriter batches;
  private final ObjectWriter problems;

  /**
   * @param json the application's ObjectMapper, the one Spring MVC reads and writes with
   * @param maxBody the request-size limit; a larger body goes on to the filter that refuses it
   */
  PredictDoor(ObjectProvider<ServingService> serving, BearerTokens tokens, ProblemAdvice advice,
      DoorMeters meters, ObjectMapper json, long maxBody) {
    this.serving = serving;
    this.tokens = tokens;
    this.advice = advice;
    this.meters = meters;
    this.maxBody = maxBody;
    this.bodies = json.readerFor(ServingController.PredictBody.class);
    this.singles = json.writerFor(ServingController.Single.class);
    this.batches = json.writerFor(ServingController.Batch.class);
    this.problems = json.writerFor(ProblemDetail.class);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    PredictRequest predict = PredictRequest.of(request);
    if (predict == null) {
      if (PredictRequest.model(request.getRequestURI()) != null) {
        meters.passed();
      }
      chain.doFilter(req, res);
      return;
    }
    long length = request.getContentLengthLong();
    Actor actor = length <= 0 || length > maxBody ? null : caller(predict.token());
    if (actor == null) {
      pass(request, response, chain); // no length (chunked), over the limit, unknown token, no role
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) length);
    ServingController.PredictBody parsed = predict.kind() == PredictRequest.Kind.JSON ? parse(body) : null;
    if (predict.kind() == PredictRequest.Kind.JSON && parsed == null) {
      pass(new ReplayedBody(request, body), response, chain); // MVC's message for unreadable JSON
      return;
    }
    answer(request, response, predict, actor, parsed, body, start);
  }

  private void answer(HttpServletRequest request, HttpServletResponse response, PredictRequest predict,
      Actor actor, ServingController.PredictBody parsed, byte[] body, long start) throws IOException {
    SecurityHeaders.write(response);
    int status;
    String exception = "none";
    try {
      ServingService.Target target = ServingController.target(predict.alias(), predict.version(), predict.key(),
          actor.name());
      Object answer = parsed != null ? ServingController.answer(serving(), predict.model(), target, parsed)
          : ServingController.batch(serving().predictFasta(predict.model(), target, body));
      status = HttpServletResponse.SC_OK;
      byte[] json = answer instanceof ServingController.Single single ? PredictJson.single(single) : null;
      write(response, status, "application/json", json != null ? json
          : (answer instanceof ServingController.Single ? singles : batches).writeValueAsBytes(answer));
    } catch (RuntimeException e) {
      ProblemDetail problem = advice.failed(e);
      if (problem.getInstance() == null) {
        problem.setInstance(URI.create(request.getRequestURI())); // as MVC completes a returned problem
      }
      status = problem.getStatus();
      exception = e.getClass().getSimpleName();
      write(response, status, "application/problem+json", problems.writeValueAsBytes(problem));
    }
    meters.answered(status, exception, System.nanoTime() - start);
  }

  private ServingService serving() {
    ServingService s = service;
    if (s == null) {
      s = serving.getObject();
      service = s;
    }
    return s;
  }

  /** The token's actor when it may predict; null (the general chain's 401 or 403) otherwise. */
  private Actor caller(String token) {
    Optional<Actor> actor = tokens.authenticate(token);
    return actor.isPresent() && Actors.mayRead(actor.get().roles()) ? actor.get() : null;
  }

  /** The body, or null when MVC would refuse it: not JSON, or JSON {@code null}. */
  private ServingController.PredictBody parse(byte[] body) throws IOException {
    String sequence = PredictJson.sequence(body);
    if (sequence != null) {
      return new ServingController.PredictBody(sequence, null);
    }
    try {
      return bodies.readValue(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    meters.passed();
    chain.doFilter(request, response);
  }

  /** With a length, where MVC's flush sends the body chunked: the same bytes in one write instead of two. */
  private static void write(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
    response.setStatus(status);
    response.setContentType(type);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
