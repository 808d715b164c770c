package dev.promoter.workflows.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sample-size stop both engines share: how often the arms are read, when each has its sample,
 * and the words that say which ended the test.
 */
class AbSampleStopTest {
  private static final Duration BAKE = Duration.ofMinutes(10);

  @Test
  void bothArmsAreReadFiftyTimesOverTheBakeButNeverMoreThanOnceASecond() {
    assertThat(AbSampleStop.every(BAKE)).isEqualTo(Duration.ofSeconds(12));
    assertThat(AbSampleStop.every(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theVerdictSaysWhetherTheSampleOrTheBakeEndedTheTest() {
    Rollout sized = new Rollout("ab", null, BAKE, null, null, 50, 20, 0.05, 40, null, null);
    assertThat(AbSampleStop.prefix(reading(40, 41), sized, Duration.ofMillis(24_900)))
        .isEqualTo("stopped at the sample size of 40 labels an arm after PT24S; ");
    // one arm short: the bake ended it, however long the test ran
    assertThat(AbSampleStop.reached(reading(40, 39), 40)).isFalse();
    assertThat(AbSampleStop.prefix(reading(40, 39), sized, BAKE))
        .isEqualTo("sample size of 40 labels an arm not reached in PT10M; ");
    // without a sample size the verdict is that of old
    assertThat(AbSampleStop.prefix(reading(40, 41), new Rollout("ab", null, BAKE, null, null, 50, 20, 0.05),
        BAKE)).isEmpty();
  }

  private static GateReading reading(long labelled, long championLabelled) {
    return new GateReading(labelled, 0, 0, 0, 1, 0, null, labelled, 0.9, championLabelled, 0.8);
  }
}
