package dev.promoter.training;

import dev.promoter.features.KmerFeaturizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * of tens of thousands of examples in a few hundred megabytes.
 *
 * <p>For k >= {@value #MIN_K_WITH_COMPOSITION} the example also carries the sequence's
 * {@value #COMPOSITION_K}-mer frequencies, named {@code k3:ACG}, as a second unit vector scaled by
 * {@value #COMPOSITION_WEIGHT}. Long k-mers tell close relatives apart but a short gene from an
 * unseen phylum shares few of them with any training record: the 3 held-out 5S genes from
 * Leptospira and Mycobacterium share at most 24 % of their 6-mers with the 23 training 5S, and
 * with 6-mers alone logreg called them non-rRNA (5S recall 5/8, macro-F1 0.960); with the 3-mer
 * block it finds all 8 (macro-F1 0.99). Thread-safe.
 */
public final class KmerExamples {

    /** Length of the short k-mers added as a composition block. */
    public static final int COMPOSITION_K = 3;
    /** Smallest k whose examples carry the composition block. */
    public static final int MIN_K_WITH_COMPOSITION = 5;
    /** Norm of the composition block, against 1 for the k-mer block. */
    public static final double COMPOSITION_WEIGHT = 2.0;

    private final KmerFeaturizer featurizer;
    private final String[] names;
    private final ThreadLocal<float[]> scratch;
    private final KmerFeaturizer composition;
    private final String[] compositionNames;
    private final ThreadLocal<float[]> compositionScratch;
    private final double valueStep;

    /**
     * @param k         k-mer length
     * @param canonical whether reverse complements share a feature
     */
    public KmerExamples(int k, boolean canonical) {
        this(k, canonical, 0);
    }

    /**
     * Examples whose values are rounded to multiples of {@code valueStep} (0: exact). A tree
     * learner only orders values, and Tribuo's CART keeps one object per distinct value of every
     * feature at every node: rounded values cost it far less time and memory (see
     * {@link RrnaTrainer#FOREST_VALUE_STEP}).
     *
     * @param k         k-mer length
     * @param canonical whether reverse complements share a feature
     * @param valueStep the grid values are rounded to, or 0 for none
     */
    public KmerExamples(int k, boolean canonical, double valueStep) {
        if (!(valueStep >= 0)) {
            throw new IllegalArgumentException("valueStep must be >= 0, got " + valueStep);
        }
        this.valueStep = valueStep;
        this.featurizer = new KmerFeaturizer(k, canonical);
        this.names = IntStream.range(0, featurizer.dimension()).mapToObj(featurizer::kmer).toArray(String[]::new);
        this.scratch = ThreadLocal.withInitial(() -> new float[featurizer.dimension()]);
        if (k >= MIN_K_WITH_COMPOSITION) {
            KmerFeaturizer c = new KmerFeaturizer(COMPOSITION_K, canonical);
            this.composition = c;
            this.compositionNames = IntStream.range(0, c.dimension()).mapToObj(i -> "k" + COMPOSITION_K + ":" + c.kmer(i))
                    .toArray(String[]::new);
            this.compositionScratch = ThreadLocal.withInitial(() -> new float[c.dimension()]);
        } else {
            this.composition = null;
            this.compositionNames = new String[0];
            this.compositionScratch = null;
        }
    }

    /** @return the featurizer behind the examples */
    public KmerFeaturizer featurizer() {
        return featurizer;
    }

    /**
     * @return the featurizer of the composition block ({@value #COMPOSITION_K}-mers, same strand
     *     setting), or empty when k is below {@value #MIN_K_WITH_COMPOSITION} and examples carry none
     */
    public Optional<KmerFeaturizer> compositionFeaturizer() {
        return Optional.ofNullable(composition);
    }

    /**
     * Every feature name an example can carry, in Tribuo's (lexicographic) order: entry {@code i}
     * names k-mer index {@code i} of {@link #featurizer()}, and entry {@code dimension + j} names
     * index {@code j} of the {@link #compositionFeaturizer()}. A compiled model maps indices to a
     * Tribuo feature map through these names once, instead of per example.
     *
     * @return the names, k-mer block then composition block
     */
    public List<String> featureNames() {
        List<String> all = new ArrayList<>(names.length + compositionNames.length);
        all.addAll(Arrays.asList(names));
        all.addAll(Arrays.asList(compositionNames));
        return List.copyOf(all);
    }

    /**
     * @param sequence nucleotides
     * @param label    the truth, or {@link LabelFactory#UNKNOWN_LABEL} when predicting
     * @return a sparse example (the featurizer's index order is lexicographic, as Tribuo wants)
     */
    public ArrayExample<Label> example(CharSequence sequence, Label label) {
        float[] frequencies = scratch.get();
        featurizer.featurize(sequence, frequencies);
        float[] short3 = null;
        if (composition != null) {
            short3 = compositionScratch.get();
            composition.featurize(sequence, short3);
        }
        return fromFrequencies(frequencies, short3, label);
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

    private ArrayExample<Label> fromFrequencies(float[] frequencies, float[] short3, Label label) {
        List<String> exampleNames = new ArrayList<>(frequencies.length / 2);
        List<Double> values = new ArrayList<>(frequencies.length / 2);
        appendUnitBlock(frequencies, names, 1.0, valueStep, exampleNames, values);
        if (short3 != null) {
            // "k3:..." sorts after the upper-case k-mers, so the names stay in Tribuo's order.
            appendUnitBlock(short3, compositionNames, COMPOSITION_WEIGHT, valueStep, exampleNames, values);
        }
        return new ArrayExample<>(label, exampleNames.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Appends the non-zero entries of {@code frequencies}, scaled to L2 norm {@code norm} and,
     * when {@code step > 0}, rounded to its multiples (an entry rounded to 0 is left out, as zeros are).
     */
    private static void appendUnitBlock(float[] frequencies, String[] blockNames, double norm, double step,
            List<String> exampleNames, List<Double> values) {
        double sumSquares = 0;
        for (float f : frequencies) {
            sumSquares += (double) f * f;
        }
        if (sumSquares == 0) {
            return;
        }
        double scale = norm / Math.sqrt(sumSquares);
        for (int i = 0; i < frequencies.length; i++) {
            if (frequencies[i] != 0f) {
                double value = frequencies[i] * scale;
                if (step > 0) {
                    value = Math.rint(value / step) * step;
                    if (value == 0) {
                        continue;
                    }
                }
                exampleNames.add(blockNames[i]);
                values.add(value);
            }
        }
    }
}
