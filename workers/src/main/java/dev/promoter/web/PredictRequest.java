package dev.promoter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * What {@link PredictDoor} reads of a request before it takes it: the model, the body's kind, the
 * token and the query. Each reader answers null for anything unusual (an encoded or odd path, a
 * charset, an Accept header, a repeated parameter, a version that is not plain digits), and an
 * unusual request goes through the general chain, whose answer to it is the reference: the door
 * only takes requests whose every detail it reads exactly as Spring MVC and Spring Security do.
 */
record PredictRequest(String model, Kind kind, String token, String alias, Integer version, String key) {
  private static final String PREFIX = "/api/v1/models/";
  private static final String SUFFIX = "/predict";
  private static final String BEARER = "Bearer pmt_";

  /** The bodies the door reads; each is one of {@link ServingController}'s two predict methods. */
  enum Kind { JSON, FASTA }

  /** The request as the door takes it, or null when the general chain should answer it. */
  static PredictRequest of(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return null;
    }
    String model = model(request.getRequestURI());
    Kind kind = model == null ? null : kind(request.getContentType());
    String token = kind == null || !anyAccepted(request.getHeader("Accept")) ? null : token(request);
    if (token == null || !request.getContextPath().isEmpty()) {
      return null;
    }
    // parameters come from the query string only (the door takes no form body); without one,
    // Tomcat's parameter parsing (the body's charset read from its content type, then the query)
    // is skipped
    boolean query = request.getQueryString() != null;
    String[] alias = query ? request.getParameterValues("alias") : null;
    String[] version = query ? request.getParameterValues("version") : null;
    Enumeration<String> keys = request.getHeaders(ServingController.REQUEST_KEY);
    String key = keys != null && keys.hasMoreElements() ? keys.nextElement() : null;
    if (alias != null && alias.length > 1 || version != null && (version.length > 1 || !digits(version[0]))
        || keys != null && keys.hasMoreElements()) {
      return null; // MVC joins repeated values with commas and reads versions such as " 1" or "0x1"
    }
    return new PredictRequest(model, kind, token, alias == null ? null : alias[0],
        version == null ? null : Integer.valueOf(version[0]), key);
  }

  /** {@code name} of {@code /api/v1/models/{name}/predict}, when it needs no decoding or normalising. */
  static String model(String uri) {
    if (!uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX) || uri.length() <= PREFIX.length() + SUFFIX.length()) {
      return null;
    }
    String name = uri.substring(PREFIX.length(), uri.length() - SUFFIX.length());
    if (name.charAt(0) == '.') {
      return null; // "." and "..": the firewall's and the path normaliser's business
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
        return null;
      }
    }
    return name;
  }

  /** JSON without a charset or in UTF-8 (read as bytes, as Jackson reads them), or FASTA. */
  static Kind kind(String contentType) {
    if (contentType == null) {
      return null;
    }
    if (contentType.equals("application/json")) {
      return Kind.JSON; // what nearly every call sends: no copies to normalise it
    }
    String type = contentType.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    return switch (type) {
      case "application/json", "application/json;charset=utf-8" -> Kind.JSON;
      case ServingController.FASTA -> Kind.FASTA;
      default -> null;
    };
  }

  /** No Accept header or one that takes anything: MVC then answers JSON, and problems as problem+json. */
  private static boolean anyAccepted(String accept) {
    return accept == null || accept.equals("*/*");
  }

  /** A Promoter API token in the form Spring Security's bearer token resolver accepts. */
  private static String token(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith(BEARER) || header.length() == BEARER.length()) {
      return null;
    }
    int end = header.length();
    while (end > BEARER.length() && header.charAt(end - 1) == '=') {
      end--;
    }
    for (int i = "Bearer ".length(); i < end; i++) {
      char c = header.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~+/".indexOf(c) >= 0)) {
        return null;
      }
    }
    return header.substring("Bearer ".length());
  }

  private static boolean digits(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
