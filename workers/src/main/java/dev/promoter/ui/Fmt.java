package dev.promoter.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write numbers, times and durations: one place, so every table aligns alike. */
public final class Fmt {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A metric in [0, 1] with four decimals, or a dash. */
  public String metric(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** A signed difference with four decimals, or nothing. */
  public String delta(Double value) {
    if (value == null) {
      return "";
    }
    return String.format(Locale.ROOT, "%+.4f", value);
  }

  /** A count. */
  public String count(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  /** An instant in UTC to the minute. */
  public String when(Instant at) {
    return at == null ? "–" : WHEN.format(at);
  }

  /** An instant in UTC to the second: when something happens within minutes. */
  public String clock(Instant at) {
    return at == null ? "–" : CLOCK.format(at);
  }

  /** A duration, roughly: 10 s, 5 min, 2 h 0 min. */
  public String duration(Duration d) {
    return d == null ? "–" : rough(d);
  }

  /** How long since {@code at}, roughly: 3 d 4 h, 12 min, 40 s. */
  public String since(Instant at) {
    return at == null ? "–" : rough(Duration.between(at, Instant.now()));
  }

  /** How long until {@code at}, roughly, or "expired". */
  public String until(Instant at) {
    if (at == null) {
      return "–";
    }
    Duration left = Duration.between(Instant.now(), at);
    return left.isNegative() ? "expired" : rough(left);
  }

  static String rough(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 86_400) {
      return s / 86_400 + " d " + (s % 86_400) / 3600 + " h";
    }
    if (s >= 3600) {
      return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
    if (s >= 60) {
      return s / 60 + " min";
    }
    return s + " s";
  }
}
