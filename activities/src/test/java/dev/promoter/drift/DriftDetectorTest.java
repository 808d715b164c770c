package dev.promoter.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

    @Test
    void kolmogorovSurvivalMatchesTableValues() {
        // Classical critical values of the Kolmogorov distribution (e.g. Smirnov 1948 tables,
        // R's psmirnov/asymptotic, scipy.stats.kstwobign.sf): K(1.3581) = 0.95, K(1.6276) = 0.99,
        // and Q(1) = 0.26999967 from the series 2*sum (-1)^(j-1) exp(-2 j^2) summed by hand in python.
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(1.3581)).isCloseTo(0.05, within(1e-5));
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(1.6276)).isCloseTo(0.01, within(1e-5));
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(1.0)).isCloseTo(0.26999967, within(1e-7));
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(0.0)).isEqualTo(1.0);
    }

    @Test
    void ksStatisticAndPValueOfSmallSamples() {
        // x = 1..4, y = 3..8: at value 2, F_x = 2/4 and F_y = 0; at 4, F_x = 1 and F_y = 2/6 -> D = 2/3.
        // p = Q((en + 0.12 + 0.11/en) D), en = sqrt(24/10): t = 1.16013202, Q(t) = 0.13547386
        // (series summed by hand in python; the same formula as scipy's old ks_2samp).
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6, 7, 8});
        assertThat(r.statistic()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.13547386, within(1e-7));

        // Disjoint samples of five: D = 1, en = sqrt(2.5), t = 1.77070894, Q(t) = 0.00378135.
        KolmogorovSmirnov.Result disjoint = KolmogorovSmirnov.test(new double[] {1, 2, 3, 4, 5},
                new double[] {6, 7, 8, 9, 10});
        assertThat(disjoint.statistic()).isEqualTo(1.0);
        assertThat(disjoint.pValue()).isCloseTo(0.00378135, within(1e-7));
    }

    @Test
    void tiesAreStepsNotDistances() {
        // Identical samples full of ties (as the zeros of absent k-mers) have D = 0 and p = 1.
        double[] zeros = {0, 0, 0, 0, 0.1, 0.2};
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(zeros, zeros.clone());
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void psiByHand() {
        double[] reference = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] current = {1, 1, 1, 1, 1, 2, 3, 4, 5, 6};
        // Deciles of the reference are 1..9, so each value has its own bin (p = 0.1 each); the new
        // sample puts 0.5 in the first bin, 0.1 in the next five and none in the last four.
        double expected = (0.5 - 0.1) * Math.log(0.5 / 0.1)
                + 4 * (PopulationStability.EPSILON - 0.1) * Math.log(PopulationStability.EPSILON / 0.1);
        assertThat(PopulationStability.index(reference, current)).isCloseTo(expected, within(1e-12));
        assertThat(PopulationStability.index(reference, reference.clone())).isZero();
    }

    @Test
    void verdictFromDriftedFeatures() {
        Random random = new Random(1);
        float[][] reference = matrix(random, 400, 20, 0);
        float[][] same = matrix(random, 400, 20, 0);
        DriftReport none = DriftDetector.compare(reference, same, null);
        assertThat(none.verdict()).isEqualTo(DriftVerdict.NONE);
        assertThat(none.ksThreshold()).isCloseTo(0.01 / 20, within(1e-15));

        float[][] shifted = matrix(random, 400, 20, 0);
        for (float[] row : shifted) {
            row[3] += 1.0f; // one feature of 20 moves by one standard deviation: 5% < 10%
        }
        DriftReport moderate = DriftDetector.compare(reference, shifted, null);
        assertThat(moderate.driftedFeatures()).isEqualTo(1);
        assertThat(moderate.features().get(3).drifted()).isTrue();
        assertThat(moderate.verdict()).isEqualTo(DriftVerdict.MODERATE);

        DriftReport significant = DriftDetector.compare(reference, matrix(random, 400, 20, 1.0f), null);
        assertThat(significant.driftedFeatures()).isEqualTo(20);
        assertThat(significant.verdict()).isEqualTo(DriftVerdict.SIGNIFICANT);
    }

    private static float[][] matrix(Random random, int rows, int columns, float shift) {
        float[][] m = new float[rows][columns];
        for (float[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = (float) random.nextGaussian() + shift;
            }
        }
        return m;
    }
}
