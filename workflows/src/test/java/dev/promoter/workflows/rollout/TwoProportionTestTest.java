package dev.promoter.workflows.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The z-test against values worked by hand (and scipy's normal CDF). */
class TwoProportionTestTest {

  @Test
  void matchesTheTextbookFigures() {
    // 45/100 against 30/100: pooled 0.375, se 0.068465, z 2.1909, two-sided p 0.02846
    TwoProportionTest.Result r = TwoProportionTest.test(45, 100, 30, 100);
    assertThat(r.z()).isCloseTo(2.1909, within(1e-4));
    assertThat(r.pValue()).isCloseTo(0.02846, within(1e-4));
    TwoProportionTest.Result reversed = TwoProportionTest.test(30, 100, 45, 100);
    assertThat(reversed.z()).isCloseTo(-2.1909, within(1e-4));
    assertThat(reversed.pValue()).isCloseTo(r.pValue(), within(1e-12));
    assertThat(TwoProportionTest.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
  }

  @Test
  void noDifferenceToFindWhenBothArmsAreAllRight() {
    assertThat(TwoProportionTest.test(50, 50, 80, 80).pValue()).isEqualTo(1.0);
    assertThat(TwoProportionTest.test(50, 100, 50, 100).pValue()).isCloseTo(1.0, within(1e-6));
  }
}
