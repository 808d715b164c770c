package dev.promoter.ui;

import dev.promoter.service.ServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Form text to the types a {@code LifecycleSpec} holds. Only the parsing: text that is not a
 * number is bad input naming the field; the ranges are the service's to check, the same as for
 * REST and the CLI.
 */
final class FormText {
  private FormText() {}

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String stripped(String s) {
    return blank(s) ? null : s.strip();
  }

  static Double decimal(String text, String field) {
    if (blank(text)) {
      return null;
    }
    try {
      return Double.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw ServiceException.badInput(field + " must be a number, not '" + text.strip() + "'");
    }
  }

  static Integer whole(String text, String field) {
    if (blank(text)) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw ServiceException.badInput(field + " must be a whole number, not '" + text.strip() + "'");
    }
  }

  /** Whole numbers separated by commas or spaces ({@code 10, 25, 50, 100}); null when blank. */
  static List<Integer> wholes(String text, String field) {
    if (blank(text)) {
      return null;
    }
    List<Integer> out = new ArrayList<>();
    for (String part : text.strip().split("[,;\\s]+")) {
      try {
        out.add(Integer.valueOf(part.replace("%", "")));
      } catch (NumberFormatException e) {
        throw ServiceException.badInput(field + ": give whole percentages separated by commas, e.g. 10,25,50,100, not '"
            + text.strip() + "'");
      }
    }
    return out;
  }
}
