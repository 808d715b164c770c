package dev.promoter.drift;

import java.util.Arrays;

/**
 * Two-sample Kolmogorov-Smirnov test with the asymptotic p-value.
 *
 * <p>The p-value is the Kolmogorov survival function {@code Q(t) = 2 sum_{j>=1} (-1)^(j-1)
 * exp(-2 j^2 t^2)} at {@code t = (en + 0.12 + 0.11/en) D}, {@code en = sqrt(n m / (n + m))}:
 * Stephens' small-sample correction as in Numerical Recipes' {@code kstwo} and in SciPy's
 * {@code ks_2samp} before it gained exact p-values. Good for n, m above a few dozen; for tiny
 * samples it is conservative.
 */
public final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {
    }

    /**
     * @param statistic the largest distance D between the empirical CDFs
     * @param pValue    asymptotic probability of a D this large if both samples share a distribution
     */
    public record Result(double statistic, double pValue) {
    }

    /**
     * @param a first sample (not modified)
     * @param b second sample (not modified)
     * @return statistic and p-value
     */
    public static Result test(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double d = statisticOfSorted(x, y);
        double en = Math.sqrt((double) x.length * y.length / (x.length + y.length));
        return new Result(d, kolmogorovSurvival((en + 0.12 + 0.11 / en) * d));
    }

    /**
     * Walks both sorted samples together; ties advance both CDFs past the tied value before the
     * distance is taken, which is what makes D right for the many zeros of k-mer frequencies.
     */
    static double statisticOfSorted(double[] x, double[] y) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /**
     * @param t argument, at least 0
     * @return {@code Q(t) = P(K > t)} for the Kolmogorov distribution K, in [0, 1]
     */
    public static double kolmogorovSurvival(double t) {
        if (t < 0.2) {
            // The alternating series converges slowly here and Q is 1 to within 1e-15 anyway.
            return 1.0;
        }
        double sum = 0;
        for (int j = 1; j <= 100; j++) {
            double term = (j % 2 == 1 ? 2 : -2) * Math.exp(-2.0 * j * j * t * t);
            sum += term;
            if (Math.abs(term) <= 1e-12 * Math.abs(sum) || Math.abs(term) <= 1e-300) {
                return clamp(sum);
            }
        }
        return clamp(sum);
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
