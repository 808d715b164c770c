package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** --ttl as users type it. */
class TtlTest {

  @Test
  void shortFormsAndIso8601() {
    assertThat(Ttl.parse("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(Ttl.parse("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(Ttl.parse("90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Ttl.parse("P7D")).isEqualTo(Duration.ofDays(7));
    assertThat(Ttl.parse("pt36h")).isEqualTo(Duration.ofHours(36));
  }

  @Test
  void anythingElseIsBadInput() {
    for (String bad : new String[] {"", "30", "2y", "1w", "-5d", "P1M", "d", "30 d", "12345678d"}) {
      assertThatThrownBy(() -> Ttl.parse(bad)).isInstanceOf(BadInputException.class)
          .hasMessageContaining("invalid --ttl '" + bad + "'");
    }
  }
}
