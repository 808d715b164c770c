package dev.promoter.workflows.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  @ParameterizedTest(name = "{0} after {1} is {2}")
  @CsvSource(delimiter = '|', value = {
      // 2026-11-22 is a Sunday
      "0 2 * * SUN   | 2026-11-22T01:00:00Z | 2026-11-22T02:00:00Z",
      "0 2 * * SUN   | 2026-11-22T02:00:00Z | 2026-11-29T02:00:00Z",
      "0 2 * * 7     | 2026-11-22T02:00:00Z | 2026-11-29T02:00:00Z",
      "*/15 * * * *  | 2026-11-22T10:07:30Z | 2026-11-22T10:15:00Z",
      "0-30/10 9 * * * | 2026-11-22T09:30:00Z | 2026-11-23T09:00:00Z",
      "0 0 1 * *     | 2026-11-22T00:00:00Z | 2026-12-01T00:00:00Z",
      "0 0 29 FEB *  | 2026-03-01T00:00:00Z | 2028-02-29T00:00:00Z",
      "30 4 1,15 * 5 | 2026-11-22T00:00:00Z | 2026-11-27T04:30:00Z",
      "0 12 * JAN-MAR MON-FRI | 2026-11-22T00:00:00Z | 2027-01-01T12:00:00Z",
      "@weekly       | 2026-11-21T23:59:00Z | 2026-11-22T00:00:00Z",
      "@daily        | 2026-12-31T23:59:59Z | 2027-01-01T00:00:00Z"})
  void nextFireTimes(String cron, String after, String expected) {
    assertThat(CronSchedule.parse(cron).next(Instant.parse(after))).isEqualTo(Instant.parse(expected));
  }

  @Test
  void badExpressionsNameTheProblem() {
    assertThatThrownBy(() -> CronSchedule.parse("0 2 * *")).hasMessageContaining("has 4 fields");
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *")).hasMessageContaining("minute value 61 is outside 0-59");
    assertThatThrownBy(() -> CronSchedule.parse("0 2 * * SUNDAY")).hasMessageContaining("day-of-week field has 'SUNDAY'");
    assertThatThrownBy(() -> CronSchedule.parse("0 5-2 * * *")).hasMessageContaining("runs backwards");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 31 2 *").next(Instant.EPOCH)).hasMessageContaining("never fires");
    assertThatThrownBy(() -> CronSchedule.parse(" ")).hasMessageContaining("empty");
  }
}
