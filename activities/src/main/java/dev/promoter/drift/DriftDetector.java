package dev.promoter.drift;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Compares a new feature matrix with the reference one column by column.
 *
 * <p>A feature has drifted when its KS p-value is below {@link #ALPHA} divided by the number of
 * features (Bonferroni: with 4,096 k-mers, 0.01 alone would flag about 41 features by chance) or
 * its PSI exceeds {@link #PSI_THRESHOLD}. Verdict: {@code NONE} with no drifted feature,
 * {@code SIGNIFICANT} when at least {@link #SIGNIFICANT_FRACTION} of the features drifted,
 * {@code MODERATE} in between.
 */
public final class DriftDetector {

    /** Family-wise significance level of the KS tests. */
    public static final double ALPHA = 0.01;
    /** PSI above which a feature counts as drifted (the usual "significant shift"). */
    public static final double PSI_THRESHOLD = 0.2;
    /** Fraction of drifted features from which the verdict is SIGNIFICANT. */
    public static final double SIGNIFICANT_FRACTION = 0.10;

    private DriftDetector() {
    }

    /**
     * @param reference rows are examples, columns features (e.g. training k-mer frequencies)
     * @param current   new examples, same columns
     * @param names     one name per column, or null to name columns by index
     * @return the report
     */
    public static DriftReport compare(float[][] reference, float[][] current, List<String> names) {
        return compare(reference, current, names, 0.0);
    }

    /**
     * As {@link #compare(float[][], float[][], List)}, but a KS result counts only when its
     * statistic D is also at least {@code minimumKsStatistic}: with thousands of values on each
     * side KS finds shifts of a few percent of the distribution "significant", which for a handful
     * of summary columns (base composition) is a difference between phyla, not drift worth a
     * retrain. PSI is judged as before.
     *
     * @param minimumKsStatistic the smallest D that counts, in [0, 1]; 0 is the plain rule
     */
    public static DriftReport compare(float[][] reference, float[][] current, List<String> names,
            double minimumKsStatistic) {
        if (!(minimumKsStatistic >= 0 && minimumKsStatistic <= 1)) {
            throw new IllegalArgumentException("minimum KS statistic " + minimumKsStatistic + " is outside 0-1");
        }
        int d = columns(reference, "reference");
        if (columns(current, "current") != d) {
            throw new IllegalArgumentException("reference has " + d + " features, current " + current[0].length);
        }
        if (names != null && names.size() != d) {
            throw new IllegalArgumentException(d + " features but " + names.size() + " names");
        }
        double threshold = ALPHA / d;
        List<FeatureDrift> features = IntStream.range(0, d).parallel().mapToObj(f -> {
            double[] ref = column(reference, f);
            double[] cur = column(current, f);
            KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(ref, cur);
            double psi = PopulationStability.index(ref, cur);
            boolean drifted = (ks.pValue() < threshold && ks.statistic() >= minimumKsStatistic)
                    || psi > PSI_THRESHOLD;
            return new FeatureDrift(names == null ? Integer.toString(f) : names.get(f), ks.statistic(), ks.pValue(),
                    psi, drifted);
        }).toList();
        int drifted = (int) features.stream().filter(FeatureDrift::drifted).count();
        DriftVerdict verdict = drifted == 0 ? DriftVerdict.NONE
                : drifted >= SIGNIFICANT_FRACTION * d ? DriftVerdict.SIGNIFICANT : DriftVerdict.MODERATE;
        return new DriftReport(features, drifted, threshold, verdict);
    }

    private static int columns(float[][] matrix, String name) {
        if (matrix.length == 0 || matrix[0].length == 0) {
            throw new IllegalArgumentException(name + " matrix is empty");
        }
        for (float[] row : matrix) {
            if (row.length != matrix[0].length) {
                throw new IllegalArgumentException(name + " matrix is ragged");
            }
        }
        return matrix[0].length;
    }

    private static double[] column(float[][] matrix, int f) {
        double[] values = new double[matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            values[i] = matrix[i][f];
        }
        return values;
    }
}
