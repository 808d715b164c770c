package dev.promoter.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The predict door's reading and writing of the one shape that nearly every call has: a body
 * {@code {"sequence": "ACGT..."}} and a {@link ServingController.Single} answer. Jackson took about
 * a tenth of a request's time there, much of it in set-up per call (a parser, a text buffer, a
 * serializer provider, a generator) and in copies of the sequence (its bytes to chars to a
 * String). Both methods give exactly what the application's ObjectMapper gives, or null when the
 * input is anything else (an escape, a non-ASCII character, another key, a number where a string
 * is expected), and the door then asks Jackson: {@code PredictJsonTest} compares them with the
 * mapper Spring Boot builds on generated input, {@code PredictDoorEquivalenceTest} with the general
 * chain's answers.
 */
final class PredictJson {
  private static final byte[] KEY = "\"sequence\"".getBytes(StandardCharsets.US_ASCII);

  private PredictJson() {}

  /**
   * The sequence of a body that is exactly one object with one {@code "sequence"} member whose
   * value is a string of printable ASCII without escapes, with JSON whitespace around its tokens
   * and nothing after; null for anything else.
   */
  static String sequence(byte[] body) {
    int i = skipSpace(body, 0);
    if (i >= body.length || body[i] != '{') {
      return null;
    }
    i = skipSpace(body, i + 1);
    if (!startsWith(body, i, KEY)) {
      return null;
    }
    i = skipSpace(body, i + KEY.length);
    if (i >= body.length || body[i] != ':') {
      return null;
    }
    i = skipSpace(body, i + 1);
    if (i >= body.length || body[i] != '"') {
      return null;
    }
    int start = i + 1;
    int end = start;
    while (end < body.length && plain(body[end])) {
      end++;
    }
    if (end >= body.length || body[end] != '"') {
      return null; // an escape, a control or non-ASCII byte, or no closing quote
    }
    i = skipSpace(body, end + 1);
    if (i >= body.length || body[i] != '}' || skipSpace(body, i + 1) != body.length) {
      return null;
    }
    return new String(body, start, end - start, StandardCharsets.ISO_8859_1);
  }

  /** The answer as the ObjectMapper writes it, or null when a string or number needs its care. */
  static byte[] single(ServingController.Single s) {
    StringBuilder out = new StringBuilder(256 + 48 * s.probabilities().size());
    if (!string(out.append("{\"requestId\":"), s.requestId())
        || !string(out.append(",\"model\":"), s.model())) {
      return null;
    }
    out.append(",\"version\":").append(s.version());
    if (!string(out.append(",\"route\":"), s.route()) || !string(out.append(",\"label\":"), s.label())
        || !number(out.append(",\"confidence\":"), s.confidence())) {
      return null;
    }
    out.append(",\"probabilities\":{");
    boolean first = true;
    for (Map.Entry<String, Double> e : s.probabilities().entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      if (!string(out, e.getKey()) || e.getValue() == null || !number(out.append(':'), e.getValue())) {
        return null;
      }
    }
    return out.append("}}").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A quoted string when it needs no escape and is ASCII (as Jackson writes those); false otherwise. */
  private static boolean string(StringBuilder out, String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    out.append('"').append(s).append('"');
    return true;
  }

  /**
   * A finite double as Jackson writes it by default ({@link Double#toString}, which
   * {@code StringBuilder.append(double)} matches digit for digit without the String); false for
   * NaN and infinities.
   */
  private static boolean number(StringBuilder out, double d) {
    if (!Double.isFinite(d)) {
      return false;
    }
    out.append(d);
    return true;
  }

  private static boolean plain(byte b) {
    return b >= 0x20 && b <= 0x7e && b != '"' && b != '\\';
  }

  private static int skipSpace(byte[] body, int i) {
    while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
      i++;
    }
    return i;
  }

  private static boolean startsWith(byte[] body, int at, byte[] prefix) {
    if (body.length - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
