package dev.promoter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON body that parses but does not fit the request, in the caller's words: the field's path
 * and what it should have held ({@code candidates[0]: expected an object, not a string
 * ('logreg')}), instead of Jackson's, which names our Java classes and their constructors.
 * Syntax errors keep Jackson's message, which already says where the JSON broke.
 */
final class BodyErrors {
  private BodyErrors() {}

  static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return path(u.getPath()) + ": no such field";
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String sent = m instanceof InvalidFormatException f ? "'" + f.getValue() + "'" : sent(m);
      return path(m.getPath()) + ": expected " + expected(m.getTargetType()) + (sent.isEmpty() ? "" : ", not " + sent);
    }
    return e.getOriginalMessage();
  }

  /** {@code deployment.steps[2]}: fields by name, list elements by index. */
  static String path(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      if (r.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? "the body" : out.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == java.time.Duration.class
        || type == java.time.Instant.class) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "another kind of value";
  }

  /** Jackson's words for what the body held there: {@code from String value ('logreg')}. */
  private static final Pattern SENT = Pattern.compile("from ([A-Za-z-]+) value(?: \\('([^']*)'\\))?");

  /**
   * What the body held where the field failed, from Jackson's message (the parser is closed by the
   * time the exception reaches us, so its current token is gone).
   */
  private static String sent(MismatchedInputException m) {
    Matcher found = SENT.matcher(String.valueOf(m.getOriginalMessage()));
    if (!found.find()) {
      return "";
    }
    return switch (found.group(1)) {
      case "String" -> "a string" + (found.group(2) == null ? "" : " ('" + found.group(2) + "')");
      case "Integer", "Floating-point" -> "a number";
      case "Boolean" -> "true or false";
      case "Object" -> "an object";
      case "Array" -> "an array";
      case "Null" -> "null";
      default -> "";
    };
  }
}
