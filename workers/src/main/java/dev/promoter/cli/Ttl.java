package dev.promoter.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A lifetime as users type it: {@code 30d}, {@code 12h}, {@code 90m}, or ISO-8601 ({@code P30D}). */
final class Ttl {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,7})([dhm])");

  private Ttl() {}

  /** The duration; the registry decides whether it is allowed (positive, at most a year). */
  static Duration parse(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofMinutes(n);
      };
    }
    if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        // falls through to the message below
      }
    }
    throw new BadInputException("invalid --ttl '" + text
        + "': use a number of days, hours or minutes (30d, 12h, 90m) or ISO-8601 (P30D, PT12H)");
  }
}
