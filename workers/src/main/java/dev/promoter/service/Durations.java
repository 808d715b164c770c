package dev.promoter.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as people type it: {@code 30d}, {@code 12h}, {@code 90m}, or ISO-8601 ({@code P30D}). */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,7})([dhm])");

  private Durations() {}

  /**
   * @param text what was typed
   * @param what the field's name, for the message
   * @return the duration; its bounds are the caller's to check
   * @throws ServiceException bad input naming {@code what} when the text is neither form
   */
  public static Duration parse(String text, String what) {
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
    throw ServiceException.badInput("invalid " + what + " '" + text
        + "': use a number of days, hours or minutes (30d, 12h, 90m) or ISO-8601 (P30D, PT12H)");
  }
}
