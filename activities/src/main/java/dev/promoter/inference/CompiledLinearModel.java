package dev.promoter.inference;

import dev.promoter.features.KmerFeaturizer;
import dev.promoter.training.KmerExamples;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.util.ExpNormalizer;

/**
 * A Tribuo logistic regression ({@link LinearSGDModel} with a softmax) compiled once into arrays
 * keyed by k-mer code (the featurizer's 2-bit code, read through its index to the feature's name
 * once), so that predicting builds no {@code Example}, no feature name and no name lookup: count
 * k-mers, scale the present ones, take a sparse dot product with a dense weight table, add the
 * bias, softmax.
 *
 * <p>Why the answers are Tribuo's to the last bit: the feature values are computed with the same
 * float and double operations in the same order as {@link KmerExamples} does; Tribuo's sparse
 * vector lists features by feature id and its feature ids are the names' sorted order, which is
 * the k-mer index order (checked when compiling), so each class's score sums the same products in
 * the same order, bias last; the softmax is {@link ExpNormalizer}'s, and ties go to the first
 * class in output-id order as in {@code LinearSGDModel.predict}. Java evaluates {@code a * b + c}
 * without fusing, as Tribuo's loop does. (Tribuo switches to a dense vector when an example holds
 * every feature of the map; the extra terms are zeros, which change no sum.)
 * {@code CompiledLinearModelTest} compares both paths on the real data set.
 *
 * <p>Thread-safe: per-thread scratch (pooled for virtual threads), immutable tables.
 */
final class CompiledLinearModel {

    /** What the compiled model answers for one sequence, in Tribuo's terms. */
    record Scores(String best, double[] byLabel) {
    }

    /** Stateless. */
    private static final ExpNormalizer SOFTMAX = new ExpNormalizer();

    /** Base code (A=0 C=1 G=2 T/U=3) of each byte, -1 where ambiguous: the featurizer's alphabet. */
    private final byte[] bases;
    private final int k;
    private final boolean canonical;
    /** Whether examples carry the composition block of {@link KmerExamples#COMPOSITION_K}-mers. */
    private final boolean withComposition;
    /**
     * Feature id (or -1) of each k-mer code; in canonical mode only canonical codes (the smaller of
     * a pair) are used. Codes ascend in the featurizer's index order, canonical ones too.
     */
    private final int[] kmerFeatures;
    /** The same for the composition block's codes. */
    private final int[] compositionFeatures;
    /** Weight of feature f for output o at {@code f * outputs + o}: one row per present k-mer. */
    private final double[] weights;
    private final double[] bias;
    private final int outputs;
    private final String[] outputNames;
    /** The caller's label j is output {@code labelOutputs[j]}, or -1 when the model lacks it. */
    private final int[] labelOutputs;
    /** Features of one example (k-mers and composition block): the size of a thread's scratch. */
    private final int exampleFeatures;
    private final ThreadLocal<Scratch> scratch;
    /** Scratches between uses by virtual threads: see {@link #takeScratch}. */
    private final AtomicReferenceArray<Scratch> spares;

    /** The tables {@link #compile} builds, and {@link CompiledModelFile} stores and reads back. */
    record Tables(int[] kmerFeatures, int[] compositionFeatures, int exampleFeatures, double[] weights,
            double[] bias, String[] outputNames, int[] labelOutputs) {
    }

    CompiledLinearModel(KmerExamples examples, Tables tables) {
        KmerFeaturizer kmers = examples.featurizer();
        this.bases = alphabet();
        this.k = kmers.k();
        this.canonical = kmers.canonical();
        this.withComposition = examples.compositionFeaturizer().isPresent();
        this.kmerFeatures = tables.kmerFeatures();
        this.compositionFeatures = tables.compositionFeatures();
        this.outputs = tables.bias().length;
        this.weights = tables.weights();
        this.bias = tables.bias();
        this.outputNames = tables.outputNames();
        this.labelOutputs = tables.labelOutputs();
        this.exampleFeatures = tables.exampleFeatures();
        this.scratch = ThreadLocal.withInitial(this::newScratch);
        // a virtual thread runs predict without a blocking point, so no more scratches are in use
        // at once than there are carrier threads (one per core)
        this.spares = new AtomicReferenceArray<>(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    private static Tables tables(KmerExamples examples, int[] featureIds, DenseMatrix matrix,
            ImmutableOutputInfo<Label> outputInfo, List<String> labels) {
        KmerFeaturizer kmers = examples.featurizer();
        KmerFeaturizer composition = examples.compositionFeaturizer().orElse(null);
        int[] kmerFeatures = byCode(kmers, featureIds, 0);
        int[] compositionFeatures = composition == null ? new int[0] : byCode(composition, featureIds, kmers.dimension());
        int outputs = matrix.getDimension1Size();
        int features = matrix.getDimension2Size() - 1;
        double[] weights = new double[features * outputs];
        double[] bias = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            for (int f = 0; f < features; f++) {
                weights[f * outputs + o] = matrix.get(o, f);
            }
            bias[o] = matrix.get(o, features);
        }
        String[] outputNames = new String[outputs];
        for (int o = 0; o < outputs; o++) {
            outputNames[o] = outputInfo.getOutput(o).getLabel();
        }
        int[] labelOutputs = labels.stream().mapToInt(label -> Arrays.asList(outputNames).indexOf(label)).toArray();
        return new Tables(kmerFeatures, compositionFeatures, featureIds.length, weights, bias, outputNames, labelOutputs);
    }

    /** @return a copy-free view of the tables, for {@link CompiledModelFile}; do not modify */
    Tables tables() {
        return new Tables(kmerFeatures, compositionFeatures, exampleFeatures, weights, bias, outputNames, labelOutputs);
    }

    /** The featurizer's own reading of every byte, so that the alphabet is defined once. */
    private static byte[] alphabet() {
        KmerFeaturizer single = new KmerFeaturizer(1, false);
        byte[] codes = new byte[256];
        for (int c = 0; c < 256; c++) {
            try {
                codes[c] = (byte) single.indexOf(String.valueOf((char) c));
            } catch (IllegalArgumentException ambiguous) {
                codes[c] = -1;
            }
        }
        return codes;
    }

    /** Feature id of every k-mer code, through the featurizer's index of its name. */
    private static int[] byCode(KmerFeaturizer featurizer, int[] featureIds, int offset) {
        KmerFeaturizer plain = new KmerFeaturizer(featurizer.k(), false);
        int[] table = new int[1 << (2 * featurizer.k())];
        for (int code = 0; code < table.length; code++) {
            table[code] = featureIds[offset + featurizer.indexOf(plain.kmer(code))];
        }
        return table;
    }

    /**
     * @param model    a loaded Tribuo model
     * @param examples how the model's examples were built (k, strand, composition block)
     * @param labels   the order in which callers want the scores
     * @return the compiled model, or empty when the model is not a softmax linear model over these
     *     feature names (XGBoost, forests, other objectives): those keep Tribuo's path
     */
    static Optional<CompiledLinearModel> compile(Model<Label> model, KmerExamples examples, List<String> labels) {
        if (!(model instanceof LinearSGDModel linear) || !model.generatesProbabilities()) {
            return Optional.empty();
        }
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        DenseMatrix matrix = linear.getWeightsCopy();
        if (matrix.getDimension2Size() != featureMap.size() + 1
                || matrix.getDimension1Size() != model.getOutputIDInfo().size()) {
            return Optional.empty(); // not the bias-last layout LinearSGDModel 4.3 writes
        }
        List<String> names = examples.featureNames();
        int[] featureIds = new int[names.size()];
        int previous = -1;
        for (int i = 0; i < featureIds.length; i++) {
            int id = featureMap.getID(names.get(i));
            featureIds[i] = id;
            if (id >= 0) {
                if (id <= previous) {
                    return Optional.empty(); // ids out of index order: sums would be reordered
                }
                previous = id;
            }
        }
        CompiledLinearModel compiled = new CompiledLinearModel(examples,
                tables(examples, featureIds, matrix, model.getOutputIDInfo(), labels));
        return compiled.agreesWithTribuo(model, examples, labels) ? Optional.of(compiled) : Optional.empty();
    }

    /**
     * The last check: one probe sequence through both paths. It catches what the model's public
     * API does not show, such as a normaliser other than the softmax (LinearSGDModel keeps it
     * private; serializing the model to read it took a quarter of a second at start-up).
     */
    private boolean agreesWithTribuo(Model<Label> model, KmerExamples examples, List<String> labels) {
        String probe = probeSequence();
        org.tribuo.Prediction<Label> reference;
        Scores mine;
        try {
            reference = model.predict(examples.example(probe, LabelFactory.UNKNOWN_LABEL));
            mine = scores(probe);
        } catch (IllegalArgumentException noKnownFeature) {
            return false; // a model that knows none of the probe's k-mers: leave it to Tribuo
        }
        if (mine == null || !reference.getOutput().getLabel().equals(mine.best())) {
            return false;
        }
        for (int j = 0; j < labels.size(); j++) {
            Label scored = reference.getOutputScores().get(labels.get(j));
            if (Double.compare(scored == null ? 0.0 : scored.getScore(), mine.byLabel()[j]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** 2,000 bases from a fixed linear congruential sequence: most 6-mers, every 3-mer. */
    static String probeSequence() {
        StringBuilder probe = new StringBuilder(2000);
        long state = 42;
        for (int i = 0; i < 2000; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            probe.append("ACGT".charAt((int) (state >>> 62)));
        }
        return probe.toString();
    }

    /**
     * @param sequence nucleotides
     * @return Tribuo's most probable class and every label's probability in the caller's order
     *     (0 for a label the model lacks); null when the sequence has no countable k-mer
     * @throws IllegalArgumentException when no k-mer of the sequence is known to the model, as
     *     Tribuo's {@code predict} does
     */
    Scores scores(CharSequence sequence) {
        byte[] bytes = sequence.toString().getBytes(StandardCharsets.ISO_8859_1);
        double[] out = new double[outputs];
        int best = predict(bytes, 0, bytes.length, out);
        if (best < 0) {
            return null;
        }
        double[] byLabel = new double[labelOutputs.length];
        for (int j = 0; j < byLabel.length; j++) {
            byLabel[j] = labelOutputs[j] < 0 ? 0.0 : out[labelOutputs[j]];
        }
        return new Scores(outputNames[best], byLabel);
    }

    /** @return the number of outputs (classes of the model) */
    int outputs() {
        return outputs;
    }

    /** @return output o's label */
    String outputName(int o) {
        return outputNames[o];
    }

    /** @return the caller's label j is output {@code labelOutput(j)}, or -1 when the model lacks it */
    int labelOutput(int j) {
        return labelOutputs[j];
    }

    /**
     * {@link #scores} for the bases {@code sequence[from, to)} (normalised bytes, as
     * {@link dev.promoter.sequence.SequenceBatch} holds them), without building an answer.
     *
     * @param out receives every output's probability (length {@link #outputs()})
     * @return the most probable output, or -1 when the bases have no countable k-mer
     * @throws IllegalArgumentException as {@link #scores} does
     */
    int predict(byte[] sequence, int from, int to, double[] out) {
        Scratch s = takeScratch();
        try {
            return predict(sequence, from, to, out, s);
        } finally {
            giveBack(s);
        }
    }

    /**
     * A platform thread's own scratch, or on a virtual thread (the server's request threads: one
     * per request) a spare one, so that a request does not allocate and zero its ~100 KB.
     */
    private Scratch takeScratch() {
        if (!Thread.currentThread().isVirtual()) {
            return scratch.get();
        }
        for (int i = 0; i < spares.length(); i++) {
            Scratch s = spares.get(i);
            if (s != null && spares.compareAndSet(i, s, null)) {
                return s;
            }
        }
        return newScratch();
    }

    /** Keeps a virtual thread's scratch for the next one when a slot is free; it is all zeros again. */
    private void giveBack(Scratch s) {
        if (!Thread.currentThread().isVirtual()) {
            return;
        }
        for (int i = 0; i < spares.length(); i++) {
            if (spares.get(i) == null && spares.compareAndSet(i, null, s)) {
                return;
            }
        }
    }

    private Scratch newScratch() {
        return new Scratch(kmerFeatures.length, compositionFeatures.length, exampleFeatures);
    }

    private int predict(byte[] sequence, int from, int to, double[] out, Scratch s) {
        // Forward strand: the composition k-mer at every position that also ends a k-mer is the
        // k-mer's suffix, so its counts are summed from the k-mer counts (integers: exact) instead
        // of being counted base by base; only the first few positions of each run count it here.
        boolean suffixes = withComposition && !canonical && k >= KmerExamples.COMPOSITION_K;
        s.startCounting();
        // In slices of at most COUNT_SLICE bases, one call each, the rolling state carried in the
        // scratch: no call runs long, so a JIT without on-stack replacement (the launcher's
        // classify of a long input) compiles these loops after a few calls even for one
        // chromosome-sized record, instead of interpreting all of it.
        for (int at = from; at < to; ) {
            int until = to - at > COUNT_SLICE ? at + COUNT_SLICE : to;
            if (suffixes) {
                countWithSuffixes(sequence, at, until, s);
            } else {
                count(sequence, at, until, s);
            }
            at = until;
        }
        boolean eight = outputs == EIGHT;
        double[] sums = s.sums;
        java.util.Arrays.fill(sums, 0.0);
        int present = eight
                ? blockDotEight(s.kmerCounts, s.kmerPresent, s.kmerTotal, kmerFeatures, 1.0, s, 0,
                        suffixes ? s.compositionCounts : null)
                : block(s.kmerCounts, s.kmerPresent, s.kmerTotal, kmerFeatures, 1.0, s, 0,
                        suffixes ? s.compositionCounts : null);
        if (withComposition) {
            if (suffixes) {
                markPresent(s.compositionCounts, s.compositionPresent);
            }
            present = eight
                    ? blockDotEight(s.compositionCounts, s.compositionPresent, s.compositionTotal,
                            compositionFeatures, KmerExamples.COMPOSITION_WEIGHT, s, present, null)
                    : block(s.compositionCounts, s.compositionPresent, s.compositionTotal, compositionFeatures,
                            KmerExamples.COMPOSITION_WEIGHT, s, present, null);
        }
        if (s.kmerTotal == 0) {
            return -1; // the blocks have cleared the scratch
        }
        if (present == 0) {
            throw new IllegalArgumentException("No features found in sequence of length " + (to - from));
        }
        if (eight) {
            System.arraycopy(sums, 0, out, 0, EIGHT);
        } else {
            dot(s.ids, s.values, present, out);
        }
        for (int o = 0; o < outputs; o++) {
            out[o] += bias[o] * 1.0;
        }
        SOFTMAX.normalizeInPlace(out);
        double maxScore = Double.NEGATIVE_INFINITY;
        int best = -1;
        for (int o = 0; o < outputs; o++) {
            if (out[o] > maxScore) {
                maxScore = out[o];
                best = o;
            }
        }
        return best;
    }

    /** Bases counted per call at most: see {@link #predict}. */
    static final int COUNT_SLICE = 1 << 13;

    /** Every class of {@code RrnaLabels.ALL}: the usual number of outputs, given its own kernel ({@link #blockDotEight}). */
    private static final int EIGHT = 8;

    /** Each output's sum of weight x value over the present features, in their order. */
    private void dot(int[] ids, double[] values, int present, double[] out) {
        int outputs = this.outputs;
        java.util.Arrays.fill(out, 0, outputs, 0.0);
        for (int p = 0; p < present; p++) {
            int row = ids[p] * outputs;
            double value = values[p];
            for (int o = 0; o < outputs; o++) {
                out[o] += weights[row + o] * value;
            }
        }
    }

    /**
     * Counts k-mers and composition k-mers in one pass, as {@link KmerFeaturizer} counts each (a
     * 2-bit rolling code, and its rolling reverse complement in canonical mode; an ambiguous base
     * breaks the run). The composition k-mer is the low bits of the same rolling code, and its
     * reverse complement the high bits of the rolling one.
     */
    private void count(byte[] sequence, int from, int to, Scratch s) {
        int[] counts = s.kmerCounts;
        long[] present = s.kmerPresent;
        int[] short3 = s.compositionCounts;
        long[] shortPresent = s.compositionPresent;
        byte[] codes = this.bases;
        int k = this.k;
        int mask = (1 << (2 * k)) - 1;
        int shift = 2 * (k - 1);
        int shortK = KmerExamples.COMPOSITION_K;
        int shortMask = (1 << (2 * shortK)) - 1;
        int shortShift = 2 * (k - shortK);
        boolean canonical = this.canonical;
        boolean composition = withComposition;
        int fwd = s.fwd;
        int rev = s.rev;
        int run = s.run;
        int total = 0;
        int shortTotal = 0;
        for (int i = from; i < to; i++) {
            int base = codes[sequence[i] & 0xff];
            if (base < 0) {
                run = 0;
                continue;
            }
            fwd = (fwd << 2) | base;
            rev = (rev >>> 2) | ((3 - base) << shift);
            run++;
            if (composition && run >= shortK) {
                int code = fwd & shortMask;
                code = canonical ? Math.min(code, rev >>> shortShift) : code;
                short3[code]++;
                shortPresent[code >>> 6] |= 1L << code;
                shortTotal++;
            }
            if (run >= k) {
                int code = fwd & mask;
                code = canonical ? Math.min(code, rev) : code;
                counts[code]++;
                present[code >>> 6] |= 1L << code;
                total++;
            }
        }
        s.fwd = fwd;
        s.rev = rev;
        s.run = run;
        s.kmerTotal += total;
        s.compositionTotal += shortTotal;
    }

    /**
     * {@link #count} for the forward strand with a composition block: k-mers only, and the
     * composition k-mers of the positions where a run is still shorter than k (the first k - 3
     * of each run). {@link #block} adds the rest from the k-mer counts, each k-mer's count to its
     * suffix's. The totals are the same as {@link #count}'s.
     */
    private void countWithSuffixes(byte[] sequence, int from, int to, Scratch s) {
        int[] counts = s.kmerCounts;
        long[] present = s.kmerPresent;
        int[] short3 = s.compositionCounts;
        byte[] codes = this.bases;
        int k = this.k;
        int mask = (1 << (2 * k)) - 1;
        int shortK = KmerExamples.COMPOSITION_K;
        int shortMask = (1 << (2 * shortK)) - 1;
        int fwd = s.fwd;
        int run = s.run;
        int total = 0;
        int leading = 0;
        for (int i = from; i < to; i++) {
            int base = codes[sequence[i] & 0xff];
            if (base < 0) {
                run = 0;
                continue;
            }
            fwd = (fwd << 2) | base;
            if (++run >= k) {
                int code = fwd & mask;
                counts[code]++;
                present[code >>> 6] |= 1L << code;
                total++;
            } else if (run >= shortK) {
                short3[fwd & shortMask]++;
                leading++;
            }
        }
        s.fwd = fwd;
        s.run = run;
        s.kmerTotal += total;
        s.compositionTotal += total + leading;
    }

    /** Sets the bitmap's bit of every nonzero count (the composition block: 64 codes). */
    private static void markPresent(int[] counts, long[] bitmap) {
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] != 0) {
                bitmap[code >>> 6] |= 1L << code;
            }
        }
    }

    /**
     * The first half of {@link #block}: walks the block's present codes in index order (the
     * bitmap's), keeps each one's feature id (or -1) in {@code s.codes} and float frequency in
     * {@code s.frequencies} ({@code s.gathered} of them) and sums the squares of the frequencies,
     * the model's unseen features included, in that order. Leaves counts and bitmap zeroed; with
     * {@code suffixCounts} each count is also added to its code's suffix there.
     *
     * @return the sum of squares, 0 when the block is empty
     */
    private static double gather(int[] counts, long[] bitmap, int total, int[] features, Scratch s,
            int[] suffixCounts) {
        int suffixMask = suffixCounts == null ? 0 : suffixCounts.length - 1;
        float scale = total == 0 ? 0f : 1f / total;
        int[] ids = s.codes;
        float[] frequencies = s.frequencies;
        int n = 0;
        double sumSquares = 0;
        for (int word = 0; word < bitmap.length; word++) {
            long bits = bitmap[word];
            if (bits == 0) {
                continue;
            }
            bitmap[word] = 0;
            do {
                int code = (word << 6) | Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int count = counts[code];
                if (suffixCounts != null) {
                    suffixCounts[code & suffixMask] += count;
                }
                float f = count * scale;
                counts[code] = 0;
                sumSquares += (double) f * f;
                ids[n] = features[code];
                frequencies[n++] = f;
            } while (bits != 0);
        }
        s.gathered = n;
        return sumSquares;
    }

    /**
     * Appends one block's present features (id, value) to the scratch, as {@code KmerExamples}
     * computes them: float frequencies, then scaled in double to L2 norm {@code norm}; features the
     * model never saw still count in the norm, summed in index order. The bitmap of present codes
     * gives that order without scanning every code: at k = 6 a branch per code on a third of them
     * being present cost more than the rest of the prediction. Leaves counts and bitmap zeroed.
     * With {@code suffixCounts} (a power-of-two length) each count is also added to its code's
     * suffix there: see {@link #countWithSuffixes}.
     *
     * @return the number of features in the scratch now
     */
    private static int block(int[] counts, long[] bitmap, int total, int[] features, double norm, Scratch s,
            int present, int[] suffixCounts) {
        double sumSquares = gather(counts, bitmap, total, features, s, suffixCounts);
        if (sumSquares == 0) {
            return present;
        }
        double unit = norm / Math.sqrt(sumSquares);
        int n = s.gathered;
        int[] gathered = s.codes;
        float[] frequencies = s.frequencies;
        int[] ids = s.ids;
        double[] values = s.values;
        for (int i = 0; i < n; i++) {
            int id = gathered[i];
            float f = frequencies[i];
            if (f != 0f && id >= 0) {
                ids[present] = id;
                values[present++] = f * unit;
            }
        }
        return present;
    }

    /**
     * {@link #block} and {@link #dot} in one, for eight outputs: the same features in the same
     * order, each value computed as {@code block} computes it and added to the eight sums (in
     * registers, carried from one block to the next in {@code s.sums}) as {@code dot} adds it, so
     * the same bits, without writing the features' ids and values out and reading them back. In one
     * JVM, one thread, alternating passes over data/rrna (2026-11-30, 20 pairs): 16.4 against
     * 17.3 µs a gene, faster in 13 of the 20 pairs.
     *
     * @return the number of present features so far (as {@code block})
     */
    private int blockDotEight(int[] counts, long[] bitmap, int total, int[] features, double norm, Scratch s,
            int present, int[] suffixCounts) {
        double sumSquares = gather(counts, bitmap, total, features, s, suffixCounts);
        if (sumSquares == 0) {
            return present;
        }
        double unit = norm / Math.sqrt(sumSquares);
        int n = s.gathered;
        int[] ids = s.codes;
        float[] frequencies = s.frequencies;
        double[] w = weights;
        double[] sums = s.sums;
        double s0 = sums[0];
        double s1 = sums[1];
        double s2 = sums[2];
        double s3 = sums[3];
        double s4 = sums[4];
        double s5 = sums[5];
        double s6 = sums[6];
        double s7 = sums[7];
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            float f = frequencies[i];
            if (f != 0f && id >= 0) {
                present++;
                double v = f * unit;
                int row = id * EIGHT;
                s0 += w[row] * v;
                s1 += w[row + 1] * v;
                s2 += w[row + 2] * v;
                s3 += w[row + 3] * v;
                s4 += w[row + 4] * v;
                s5 += w[row + 5] * v;
                s6 += w[row + 6] * v;
                s7 += w[row + 7] * v;
            }
        }
        sums[0] = s0;
        sums[1] = s1;
        sums[2] = s2;
        sums[3] = s3;
        sums[4] = s4;
        sums[5] = s5;
        sums[6] = s6;
        sums[7] = s7;
        return present;
    }

    /** One thread's reusable arrays; counts and bitmaps are all zero between calls. */
    private static final class Scratch {
        final int[] kmerCounts;
        final long[] kmerPresent;
        final int[] compositionCounts;
        final long[] compositionPresent;
        /** One block's present codes' feature ids (or -1) in code order, and their frequencies. */
        final int[] codes;
        final float[] frequencies;
        final int[] ids;
        final double[] values;
        /** Entries {@link #gather} left in {@code codes} (feature ids) and {@code frequencies}. */
        int gathered;
        /** The eight outputs' running sums of {@link #blockDotEight}. */
        final double[] sums = new double[EIGHT];
        int kmerTotal;
        int compositionTotal;
        /** The rolling codes and run length where the previous slice of the sequence ended. */
        int fwd;
        int rev;
        int run;

        void startCounting() {
            kmerTotal = 0;
            compositionTotal = 0;
            fwd = 0;
            rev = 0;
            run = 0;
        }

        Scratch(int kmerCodes, int compositionCodes, int features) {
            this.kmerCounts = new int[kmerCodes];
            this.kmerPresent = new long[(kmerCodes + 63) / 64];
            this.compositionCounts = new int[compositionCodes];
            this.compositionPresent = new long[(compositionCodes + 63) / 64];
            this.codes = new int[kmerCodes];
            this.frequencies = new float[kmerCodes];
            this.ids = new int[features];
            this.values = new double[features];
        }
    }
}
