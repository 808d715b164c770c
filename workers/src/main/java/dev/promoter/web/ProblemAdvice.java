package dev.promoter.web;

import dev.promoter.service.Failures;
import dev.promoter.service.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every failure becomes a problem document carrying the message the CLI would print. */
@RestControllerAdvice(basePackageClasses = ProblemAdvice.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ServiceException.class)
  ProblemDetail refused(ServiceException e) {
    return Problems.of(HttpStatus.valueOf(e.kind().httpStatus()), e.getMessage());
  }

  @Override
  protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, org.springframework.http.HttpHeaders headers,
      org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    String what = cause instanceof com.fasterxml.jackson.core.JsonProcessingException j
        ? BodyErrors.describe(j) : "the body is missing or not JSON";
    return org.springframework.http.ResponseEntity.badRequest()
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(HttpStatus.BAD_REQUEST, "unreadable request body: " + what));
  }

  /** Spring's own words name neither what is accepted nor our problem type. */
  @Override
  protected org.springframework.http.ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      org.springframework.web.HttpMediaTypeNotSupportedException e, org.springframework.http.HttpHeaders headers,
      org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, unsupportedType(e), headers);
  }

  @Override
  protected org.springframework.http.ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      org.springframework.web.HttpRequestMethodNotSupportedException e, org.springframework.http.HttpHeaders headers,
      org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, unsupportedMethod(e), headers);
  }

  static String unsupportedType(org.springframework.web.HttpMediaTypeNotSupportedException e) {
    org.springframework.http.MediaType sent = e.getContentType();
    return (sent == null ? "a body without a Content-Type" : "Content-Type " + sent.getType() + "/"
        + sent.getSubtype()) + " is not accepted here; send "
        + e.getSupportedMediaTypes().stream().map(Object::toString).sorted() // the mapping's order varies
            .collect(java.util.stream.Collectors.joining(", "));
  }

  static String unsupportedMethod(org.springframework.web.HttpRequestMethodNotSupportedException e) {
    String[] allowed = e.getSupportedMethods();
    return e.getMethod() + " is not supported here" + (allowed == null ? "" : "; use " + String.join(", ", allowed));
  }

  static org.springframework.http.ResponseEntity<Object> problem(HttpStatus status, String detail,
      org.springframework.http.HttpHeaders headers) {
    return org.springframework.http.ResponseEntity.status(status).headers(headers)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(status, detail));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' cannot be '"
        + e.getValue() + "'");
  }

  @ExceptionHandler(RuntimeException.class)
  ProblemDetail failed(RuntimeException e) {
    RuntimeException translated = Failures.translate(e);
    if (translated instanceof ServiceException s) {
      return refused(s);
    }
    log.error("request failed", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName());
  }
}
