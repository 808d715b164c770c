package dev.promoter.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The predict door's own JSON against the mapper Spring Boot builds: the same, or no answer. */
class PredictJsonTest {
  private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();
  private static final ObjectReader BODIES = MAPPER.readerFor(ServingController.PredictBody.class);
  private static final ObjectWriter SINGLES = MAPPER.writerFor(ServingController.Single.class);
  private static final String[] SPACE = {"", " ", "  ", "\t", "\n", "\r\n", " \n\t "};

  @Test
  void theUsualBodiesAreReadAsJacksonReadsThem() throws IOException {
    Random random = new Random(7);
    for (int n = 0; n < 2_000; n++) {
      String sequence = bases(random, random.nextInt(3_000));
      String body = space(random) + "{" + space(random) + "\"sequence\"" + space(random) + ":" + space(random)
          + "\"" + sequence + "\"" + space(random) + "}" + space(random);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      assertEquals(sequence, PredictJson.sequence(bytes), body);
      assertEquals(BODIES.readValue(bytes), new ServingController.PredictBody(sequence, null), body);
    }
  }

  @Test
  void anythingElseIsLeftToJackson() {
    List<String> others = List.of("", " ", "null", "[]", "{}", "\uFEFF{\"sequence\":\"ACGT\"}",
        "{\"sequence\":\"AC\\u0047T\"}", "{\"sequence\":\"AC\\\"GT\"}", "{\"sequence\":\"ACGÜ\"}",
        "{\"sequence\":\"AC\tGT\"}", "{\"sequence\":null}", "{\"sequence\":12}", "{\"sequence\":[\"ACGT\"]}",
        "{\"sequences\":[\"ACGT\"]}", "{\"sequence\":\"ACGT\",\"sequences\":[\"ACGT\"]}",
        "{\"sequence\":\"ACGT\",\"sequence\":\"GGGG\"}", "{\"other\":1,\"sequence\":\"ACGT\"}",
        "{\"sequence\":\"ACGT\"}x", "{\"sequence\":\"ACGT\"} {}", "{\"sequence\":\"ACGT\"", "{\"sequence\":\"ACGT}",
        "{'sequence':'ACGT'}", "{sequence:\"ACGT\"}", "{\"Sequence\":\"ACGT\"}", "{\"sequence\" \"ACGT\"}",
        "{\"sequence\":\"ACGT\"}\u000b", "/* c */{\"sequence\":\"ACGT\"}");
    for (String body : others) {
      assertNull(PredictJson.sequence(body.getBytes(StandardCharsets.UTF_8)), body);
    }
  }

  /** Random bytes over JSON's significant characters: whatever the door reads, Jackson reads the same. */
  @Test
  void noBodyIsReadOtherwiseThanJacksonReadsIt() {
    String[] pieces = {"{", "}", "\"", ":", ",", " ", "\n", "\\", "u", "\"sequence\"", "\"sequences\"", "[", "]",
        "ACGT", "n", "null", "1", "é", "\t", "\u0001", "\"}", "\" }\n", "GGCA"};
    Random random = new Random(11);
    int taken = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder body = new StringBuilder();
      if (random.nextBoolean()) {
        body.append("{\"sequence\":\""); // most of the interesting cases start as the usual one
      }
      for (int k = random.nextInt(8); k >= 0; k--) {
        body.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      String fast = PredictJson.sequence(bytes);
      if (fast != null) {
        taken++;
        try {
          assertEquals(new ServingController.PredictBody(fast, null), BODIES.readValue(bytes), body.toString());
        } catch (IOException e) {
          throw new AssertionError("the door read " + body + " that Jackson refuses: " + e.getMessage());
        }
      }
    }
    assertEquals(true, taken > 1_000 && taken < 100_000, "generated bodies of the usual shape (too few test nothing, too many test nothing else): " + taken);
  }

  @Test
  void answersAreWrittenByteForByteAsJacksonWritesThem() throws IOException {
    Random random = new Random(3);
    double[] edges = {0.0, -0.0, 1.0, 0.5, 1e-7, 1e-3, 9.999999e-4, 1e7, 1.0E-300, Double.MIN_VALUE,
        Double.MIN_NORMAL, Double.MAX_VALUE, 0.1 + 0.2, 2.0 / 3, 123456789.0, 1e21, 1e22};
    for (int n = 0; n < 5_000; n++) {
      Map<String, Double> probabilities = new LinkedHashMap<>();
      for (int k = random.nextInt(10); k > 0; k--) {
        probabilities.put(label(random), n % 3 == 0 ? edges[random.nextInt(edges.length)] : random.nextDouble());
      }
      double confidence = n % 5 == 0 ? edges[random.nextInt(edges.length)] : random.nextDouble();
      ServingController.Single single = new ServingController.Single(
          "12345678-9abc-8def-8000-" + String.format("%012x", n), "rrna-classifier" + (n % 7 == 0 ? ".v2_b" : ""),
          random.nextInt(1_000_000), n % 2 == 0 ? "primary" : "fallback", label(random), confidence, probabilities);
      byte[] fast = PredictJson.single(single);
      assertNotNull(fast, single.toString());
      assertArrayEquals(SINGLES.writeValueAsBytes(single), fast, single.toString());
    }
  }

  @Test
  void answersWithStringsOrNumbersThatNeedJacksonsCareAreLeftToIt() {
    Map<String, Double> plain = Map.of("16S", 0.9);
    List<ServingController.Single> others = List.of(
        new ServingController.Single("id", "m", 1, "primary", "16\"S", 0.9, plain),
        new ServingController.Single("id", "m", 1, "primary", "16S\n", 0.9, plain),
        new ServingController.Single("id", "m", 1, "primary", "16S\\", 0.9, plain),
        new ServingController.Single("id", "m", 1, "primary", "ARNr 16S é", 0.9, plain),
        new ServingController.Single("id", "m", 1, "primary", null, 0.9, plain),
        new ServingController.Single("id", "m", 1, "primary", "16S", Double.NaN, plain),
        new ServingController.Single("id", "m", 1, "primary", "16S", 0.9, Map.of("16S", Double.POSITIVE_INFINITY)),
        new ServingController.Single("id", "m", 1, "primary", "16S", 0.9, Map.of("1\u00076S", 0.5)));
    for (ServingController.Single single : others) {
      assertNull(PredictJson.single(single), single.toString());
    }
  }

  private static String bases(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    String alphabet = "ACGTACGTACGTNacgtuRYSWKMBDHV-.";
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String label(Random random) {
    String alphabet = "0123456789SLrRNAabz _-./:()[]{}'!@#$%^&*+=~`|<>?,;";
    StringBuilder s = new StringBuilder();
    for (int i = 1 + random.nextInt(12); i > 0; i--) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String space(Random random) {
    return SPACE[random.nextInt(SPACE.length)];
  }
}
