package dev.promoter.workflows.rollout;

/**
 * The two-proportion z-test on two accuracies (pooled variance, two-sided). Pure arithmetic, so
 * workflow code may call it: the same counts give the same p-value on every replay.
 */
public final class TwoProportionTest {
  private TwoProportionTest() {}

  /**
   * The outcome.
   *
   * @param z the statistic (positive: the first proportion is higher)
   * @param pValue two-sided
   */
  public record Result(double z, double pValue) {}

  /** Tests {@code correctA / nA} against {@code correctB / nB}; both n must be positive. */
  public static Result test(long correctA, long nA, long correctB, long nB) {
    double pa = (double) correctA / nA;
    double pb = (double) correctB / nB;
    double pooled = (double) (correctA + correctB) / (nA + nB);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
    if (se == 0) {
      // both arms all right or all wrong: no difference to find
      return new Result(0, 1);
    }
    double z = (pa - pb) / se;
    return new Result(z, 2 * (1 - normalCdf(Math.abs(z))));
  }

  /** The standard normal CDF (Abramowitz and Stegun 7.1.26 for erf; error under 1.5e-7). */
  static double normalCdf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
    double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
        + 0.254829592) * t * Math.exp(-x * x / 2);
    return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
  }
}
