package dev.promoter.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The same refusals as {@link ProblemAdvice}'s when Spring raises them while it picks a handler
 * (a mapping's {@code consumes} or method does not match): no controller is chosen yet, so the
 * API-scoped advice does not apply, and Boot's {@code /error} page would answer in its own shape.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RoutingProblemAdvice {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> unsupportedType(HttpMediaTypeNotSupportedException e) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(e.getSupportedMediaTypes());
    return ProblemAdvice.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemAdvice.unsupportedType(e), headers);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> unsupportedMethod(HttpRequestMethodNotSupportedException e) {
    HttpHeaders headers = new HttpHeaders();
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return ProblemAdvice.problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemAdvice.unsupportedMethod(e), headers);
  }
}
