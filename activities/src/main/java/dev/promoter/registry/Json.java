package dev.promoter.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** JSON columns to and from maps; sorted so the stored text is stable. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<TreeMap<String, Double>> METRICS = new TypeReference<>() {};
  private static final TypeReference<TreeMap<String, String>> PARAMS = new TypeReference<>() {};

  private Json() {}

  static String write(Map<String, ?> map) {
    try {
      return MAPPER.writeValueAsString(new TreeMap<>(map));
    } catch (JsonProcessingException e) {
      throw RegistryException.invalid("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  static Map<String, Double> metrics(String json) {
    return read(json, METRICS);
  }

  static Map<String, String> params(String json) {
    return read(json, PARAMS);
  }

  /** Refuses text that is not JSON (object or array), so a provenance column never holds garbage. */
  static String requireJson(String what, String json) {
    if (json == null) {
      return null;
    }
    try {
      var node = MAPPER.readTree(json);
      if (node == null || !(node.isObject() || node.isArray())) {
        throw RegistryException.invalid(what + " must be a JSON object or array");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw RegistryException.invalid(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Refuses text that is not a JSON object. */
  static String requireObject(String what, String json) {
    if (json == null) {
      return null;
    }
    try {
      if (!MAPPER.readTree(json).isObject()) {
        throw RegistryException.invalid(what + " must be a JSON object");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw RegistryException.invalid(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("registry holds unreadable JSON: " + json, e);
    }
  }
}
