package dev.promoter.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers Spring Security's default header writers put on every answer of the API chain (over
 * plain HTTP), written by {@link PredictDoor} on the answers it gives itself, so that a client or
 * proxy sees the same response whichever door answered. {@code PredictDoorEquivalenceTest}
 * compares them with the general chain's.
 */
final class SecurityHeaders {
  private SecurityHeaders() {}

  static void write(HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-XSS-Protection", "0");
    response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Expires", "0");
    response.setHeader("X-Frame-Options", "DENY");
  }
}
