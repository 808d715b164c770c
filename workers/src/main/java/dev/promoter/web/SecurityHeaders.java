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

  /**
   * On a response that holds none of these headers yet (the door writes them first): added, not
   * set, so that Tomcat does not search the response's headers for an earlier value of each.
   */
  static void write(HttpServletResponse response) {
    response.addHeader("X-Content-Type-Options", "nosniff");
    response.addHeader("X-XSS-Protection", "0");
    response.addHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    response.addHeader("Pragma", "no-cache");
    response.addHeader("Expires", "0");
    response.addHeader("X-Frame-Options", "DENY");
  }
}
