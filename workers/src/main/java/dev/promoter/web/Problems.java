package dev.promoter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents, the one error shape of the API. */
final class Problems {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  static ProblemDetail of(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://promoter.dev/problems/" + slug(status)));
    return problem;
  }

  /** Writes a problem where no controller runs (security filters). */
  static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://promoter.dev/problems/" + slug(status));
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    JSON.writeValue(response.getOutputStream(), body);
  }

  private static String slug(HttpStatus status) {
    return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }
}
