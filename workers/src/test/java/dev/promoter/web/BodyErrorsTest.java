package dev.promoter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.promoter.service.LifecycleSpec;
import org.junit.jupiter.api.Test;

/** A body that parses but does not fit the request is named by field, in the caller's words. */
class BodyErrorsTest {
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private String describe(String body) {
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> json.readValue(body, LifecycleSpec.class));
    assertThat(e).as(body).isNotNull();
    return BodyErrors.describe(e);
  }

  @Test
  void aFieldOfTheWrongKindIsNamedWithWhatItShouldHold() {
    assertThat(describe("{\"model\":\"m\",\"candidates\":[\"logreg\"]}"))
        .isEqualTo("candidates[0]: expected an object, not a string ('logreg')");
    assertThat(describe("{\"model\":\"m\",\"deployment\":{\"strategy\":\"canary\",\"steps\":[10,\"half\"]}}"))
        .isEqualTo("deployment.steps[1]: expected a number, not 'half'");
    assertThat(describe("{\"model\":\"m\",\"deployment\":{\"steps\":{\"a\":1}}}"))
        .isEqualTo("deployment.steps: expected an array, not an object");
    assertThat(describe("{\"model\":[\"m\"]}")).isEqualTo("model: expected a string, not an array");
  }

  @Test
  void noJavaClassNamesReachTheCaller() {
    for (String body : new String[] {"{\"candidates\":[\"logreg\"]}", "{\"deployment\":{\"bake\":[1]}}",
        "{\"approval\":\"soon\"}", "{\"model\":\"m\",\"colour\":\"red\"}"}) {
      assertThat(describe(body)).as(body).doesNotContain("dev.promoter").doesNotContain("java.")
          .doesNotContain("Creator").doesNotContain("$");
    }
    assertThat(describe("{\"model\":\"m\",\"colour\":\"red\"}")).isEqualTo("colour: no such field");
  }

  @Test
  void brokenJsonKeepsTheParsersWordsOfWhereItBroke() {
    assertThat(describe("{not json")).contains("Unexpected character");
  }
}
