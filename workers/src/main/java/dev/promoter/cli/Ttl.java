package dev.promoter.cli;

import dev.promoter.service.Durations;
import dev.promoter.service.ServiceException;
import java.time.Duration;

/** A lifetime as users type it: {@code 30d}, {@code 12h}, {@code 90m}, or ISO-8601 ({@code P30D}). */
final class Ttl {

  private Ttl() {}

  /** The duration; the registry decides whether it is allowed (positive, at most a year). */
  static Duration parse(String text) {
    try {
      return Durations.parse(text, "--ttl");
    } catch (ServiceException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
