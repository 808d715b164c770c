package dev.promoter.inference;

import dev.promoter.sequence.SequenceBatch;
import dev.promoter.training.RrnaLabels;
import java.util.List;

/**
 * A compiled classifier's label and confidence for records of a {@link SequenceBatch}, read from
 * the batch's bytes in place: what {@link SequenceClassifier#classify(String)} answers, to the last
 * bit, without the {@link Prediction} (a map of every class's probability, boxed) that a caller
 * printing one label and one number throws away. At 40,000 records those maps, their streams and
 * the JIT compilations of both were a fifth of {@code promoter classify}'s CPU time.
 *
 * <p>Why the same bits: the kernel is the same ({@link CompiledLinearModel#predict}), the
 * probabilities are normalised as {@code SequenceClassifier} does (each divided by their sum in
 * label order, taken as {@code DoubleStream.sum()} takes it: {@link #streamSum}), and the
 * confidence is the best output's label's value, as the prediction's map gives it.
 * {@code CompiledLabelsTest} compares both on every record of the real data set.
 *
 * <p>Thread-safe: each call works in its own arrays and the kernel's per-thread scratch.
 */
public final class CompiledLabels {
    private final CompiledLinearModel model;
    private final int labels;
    /** Output o's position in the caller's labels (the last one, as a map keyed by label keeps it), or -1. */
    private final int[] outputLabel;

    CompiledLabels(CompiledLinearModel model, List<String> labels) {
        this.model = model;
        this.labels = labels.size();
        this.outputLabel = new int[model.outputs()];
        for (int o = 0; o < outputLabel.length; o++) {
            outputLabel[o] = labels.lastIndexOf(model.outputName(o));
        }
    }

    /**
     * Labels records {@code [from, to)} of {@code batch}; slot i of each array receives record i's
     * answer.
     *
     * @param label      the most probable class, {@link RrnaLabels#NON_RRNA} without evidence
     * @param confidence its probability, 0 without evidence
     * @param noEvidence whether the record had no countable k-mer ({@link Prediction#noEvidence})
     * @throws IllegalArgumentException as {@link SequenceClassifier#classify(String)} does, for a
     *     record none of whose k-mers the model knows
     */
    public void label(SequenceBatch batch, int from, int to, String[] label, double[] confidence,
            boolean[] noEvidence) {
        byte[] bases = batch.bases();
        double[] out = new double[model.outputs()];
        double[] byLabel = new double[labels];
        for (int i = from; i < to; i++) {
            labelOne(bases, batch.start(i), batch.end(i), i, out, byLabel, label, confidence, noEvidence);
        }
    }

    /** One record: a method of its own so that the JIT compiles it by its calls, without on-stack replacement. */
    private void labelOne(byte[] bases, int start, int end, int slot, double[] out, double[] byLabel, String[] label,
            double[] confidence, boolean[] noEvidence) {
        int best = model.predict(bases, start, end, out);
        if (best < 0) {
            label[slot] = RrnaLabels.NON_RRNA;
            confidence[slot] = 0.0;
            noEvidence[slot] = true;
            return;
        }
        for (int j = 0; j < labels; j++) {
            int o = model.labelOutput(j);
            byLabel[j] = o < 0 ? 0.0 : out[o];
        }
        double sum = streamSum(byLabel);
        int j = outputLabel[best];
        label[slot] = model.outputName(best);
        confidence[slot] = j < 0 ? 0.0 : sum > 0 ? byLabel[j] / sum : 1.0 / labels;
        noEvidence[slot] = false;
    }

    /**
     * The sum {@code DoubleStream.of(values).sum()} returns, bit for bit: the JDK's compensated
     * (Kahan) summation in {@code Collectors.sumWithCompensation} and {@code computeFinalSum},
     * written out so that no stream is set up (and compiled) per record. {@code CompiledLabelsTest}
     * checks it against the stream on many arrays, so a JDK that sums otherwise fails the build.
     */
    static double streamSum(double[] values) {
        double high = 0;
        double negatedLow = 0;
        double simple = 0;
        for (double d : values) {
            double tmp = d - negatedLow;
            double velvel = high + tmp;
            negatedLow = (velvel - high) - tmp;
            high = velvel;
            simple += d;
        }
        double tmp = high - negatedLow;
        return Double.isNaN(tmp) && Double.isInfinite(simple) ? simple : tmp;
    }
}
