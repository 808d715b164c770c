package dev.promoter.drift;

import java.util.Arrays;

/**
 * Population stability index: {@code PSI = sum_bins (q - p) ln(q / p)} where p and q are the
 * fractions of the reference and the new sample in each bin.
 *
 * <p>Bins are fixed by the reference alone: its deciles, taken as the lower empirical quantile
 * (the {@code ceil(f n)}-th smallest value), with repeated edges merged (a k-mer absent from most
 * sequences has many zero deciles, which collapse into one bin). Bin i holds values in
 * {@code (edge[i-1], edge[i]]}; below the first edge is the first bin, above the last the last.
 * An empty bin's fraction is raised to {@link #EPSILON} so the logarithm stays finite.
 * Common reading: below 0.1 stable, 0.1 to 0.2 moderate shift, above 0.2 significant shift.
 */
public final class PopulationStability {

    /** Fraction used for an empty bin. */
    public static final double EPSILON = 1e-4;
    /** Deciles. */
    public static final int BINS = 10;

    private PopulationStability() {
    }

    /**
     * @param reference the sample the model was trained on (defines the bins)
     * @param current   the new sample
     * @return the index, 0 when both samples fill the bins alike
     */
    public static double index(double[] reference, double[] current) {
        if (reference.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] edges = edges(sorted);
        double[] p = fractions(reference, edges);
        double[] q = fractions(current, edges);
        double psi = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = Math.max(p[i], EPSILON);
            double qi = Math.max(q[i], EPSILON);
            psi += (qi - pi) * Math.log(qi / pi);
        }
        return psi;
    }

    /** Inner edges: deciles 1..9 of the sorted reference, duplicates removed. */
    static double[] edges(double[] sorted) {
        int n = sorted.length;
        return java.util.stream.IntStream.range(1, BINS)
                .mapToDouble(i -> sorted[Math.max(0, (int) Math.ceil((double) i * n / BINS) - 1)])
                .distinct().toArray();
    }

    static double[] fractions(double[] values, double[] edges) {
        double[] counts = new double[edges.length + 1];
        for (double v : values) {
            int bin = Arrays.binarySearch(edges, v);
            // An exact hit belongs to the bin the edge closes; otherwise the insertion point is the bin.
            counts[bin >= 0 ? bin : -bin - 1]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= values.length;
        }
        return counts;
    }
}
