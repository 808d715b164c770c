package dev.promoter.training;

import dev.promoter.features.KmerFeaturizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * Tribuo examples from sequences: the feature named {@code ACGTAC} is that 6-mer's frequency,
 * scaled so that the vector has unit L2 norm.
 *
 * <p>Why unit norm: raw frequencies of a 1,500 bp gene are about 1/1,500 each and those of a
 * 300 bp read about 1/300, so a linear model would see reads as five times "louder" than genes;
 * unit vectors make genes and their fragments comparable, and tree learners are indifferent.
 * Only non-zero features are stored (a gene has about 1,400 of 4,096), which keeps a training set
 * of tens of thousands of examples in a few hundred megabytes. Thread-safe.
 */
public final class KmerExamples {

    private final KmerFeaturizer featurizer;
    private final String[] names;
    private final ThreadLocal<float[]> scratch;

    /**
     * @param k         k-mer length
     * @param canonical whether reverse complements share a feature
     */
    public KmerExamples(int k, boolean canonical) {
        this.featurizer = new KmerFeaturizer(k, canonical);
        this.names = IntStream.range(0, featurizer.dimension()).mapToObj(featurizer::kmer).toArray(String[]::new);
        this.scratch = ThreadLocal.withInitial(() -> new float[featurizer.dimension()]);
    }

    /** @return the featurizer behind the examples */
    public KmerFeaturizer featurizer() {
        return featurizer;
    }

    /**
     * @param sequence nucleotides
     * @param label    the truth, or {@link LabelFactory#UNKNOWN_LABEL} when predicting
     * @return a sparse example (the featurizer's index order is lexicographic, as Tribuo wants)
     */
    public ArrayExample<Label> example(CharSequence sequence, Label label) {
        float[] frequencies = scratch.get();
        featurizer.featurize(sequence, frequencies);
        return fromFrequencies(frequencies, label);
    }

    /**
     * @param sequences nucleotides
     * @param labels    one label per sequence, or null for unlabelled (prediction) examples
     * @return examples in input order, built in parallel
     */
    public List<Example<Label>> examples(List<? extends CharSequence> sequences, List<String> labels) {
        if (labels != null && labels.size() != sequences.size()) {
            throw new IllegalArgumentException(sequences.size() + " sequences but " + labels.size() + " labels");
        }
        @SuppressWarnings("unchecked")
        Example<Label>[] out = new Example[sequences.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> out[i] = example(sequences.get(i),
                labels == null ? LabelFactory.UNKNOWN_LABEL : new Label(labels.get(i))));
        return new ArrayList<>(Arrays.asList(out));
    }

    private ArrayExample<Label> fromFrequencies(float[] frequencies, Label label) {
        int nonZero = 0;
        double sumSquares = 0;
        for (float f : frequencies) {
            if (f != 0f) {
                nonZero++;
                sumSquares += (double) f * f;
            }
        }
        String[] exampleNames = new String[nonZero];
        double[] values = new double[nonZero];
        double scale = nonZero == 0 ? 0 : 1 / Math.sqrt(sumSquares);
        for (int i = 0, j = 0; i < frequencies.length; i++) {
            if (frequencies[i] != 0f) {
                exampleNames[j] = names[i];
                values[j++] = frequencies[i] * scale;
            }
        }
        return new ArrayExample<>(label, exampleNames, values);
    }
}
