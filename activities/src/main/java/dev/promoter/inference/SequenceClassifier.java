package dev.promoter.inference;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.training.KmerExamples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A loaded model that classifies sequences. Load once, share between threads: the featurizer
 * keeps per-thread scratch and Tribuo models are immutable after training, so {@link #classify}
 * holds no lock.
 *
 * <p>Probabilities: logistic regression and XGBoost produce class probabilities and they are
 * passed on as they are; the random forest's scores are the fractions of trees voting for each
 * class, which already sum to 1. For a model that reports neither (Tribuo's
 * {@code generatesProbabilities()} false) the scores are turned into probabilities by a softmax.
 *
 * <p>Speed: a logistic regression is compiled once, at construction, into tables keyed by k-mer
 * index ({@link CompiledLinearModel}), which gives Tribuo's answers to the last bit without
 * building a Tribuo {@code Example} (String feature names, looked up by name) per sequence. Other
 * models go through Tribuo's {@code predict}. The system property {@value #COMPILED_PROPERTY}
 * {@code =false}, read when a classifier is built, sends every model through Tribuo (the
 * benchmark's baseline, and a way out should a compiled model ever be suspected).
 */
public final class SequenceClassifier implements Classifier {

    /** System property: {@code false} keeps every model on Tribuo's prediction path. */
    static final String COMPILED_PROPERTY = "promoter.inference.compiled";

    /** Null when loaded from {@link CompiledModelFile}: the compiled tables are then all there is. */
    private final Model<Label> model;
    private final boolean generatesProbabilities;
    private final KmerExamples examples;
    private final List<String> labels;
    /** Null when the model is not compiled (not a logistic regression, or compiling is off). */
    private final CompiledLinearModel compiled;

    /** @param bundle a loaded bundle */
    public SequenceClassifier(ModelBundle bundle) {
        this(bundle, compiledByDefault());
    }

    /**
     * @param bundle  a loaded bundle
     * @param compile whether to compile a logistic regression; false: Tribuo's path for every model
     */
    SequenceClassifier(ModelBundle bundle, boolean compile) {
        this.model = bundle.model();
        this.generatesProbabilities = model.generatesProbabilities();
        this.examples = new KmerExamples(bundle.metadata().k(), bundle.metadata().canonical());
        this.labels = bundle.metadata().labels();
        this.compiled = compile ? CompiledLinearModel.compile(model, examples, labels).orElse(null) : null;
    }

    /** A logistic regression read back from {@link CompiledModelFile}; it gives probabilities. */
    SequenceClassifier(KmerExamples examples, List<String> labels, CompiledLinearModel compiled) {
        this.model = null;
        this.generatesProbabilities = true;
        this.examples = examples;
        this.labels = labels;
        this.compiled = compiled;
    }

    /** @return whether predictions take the compiled path */
    boolean isCompiled() {
        return compiled != null;
    }

    /**
     * Loads a model directory. A logistic regression is compiled and its tables kept beside the
     * model ({@link CompiledModelFile}, {@code model.compiled}) when the directory is writable, so
     * that the next load reads them instead of decoding Tribuo's protobuf; they are used only while
     * the model's files are byte for byte those they were compiled from.
     *
     * @param modelDirectory a directory written by {@code promoter train}
     * @return a classifier
     * @throws dev.promoter.bundle.ModelFormatException if the directory is not a model
     * @throws IOException                              if it cannot be read
     */
    public static SequenceClassifier load(Path modelDirectory) throws IOException {
        ModelBundle.RawFiles files = ModelBundle.readFiles(modelDirectory);
        if (!compiledByDefault()) {
            return new SequenceClassifier(files.decode(), false);
        }
        Optional<SequenceClassifier> cached = CompiledModelFile.read(files);
        if (cached.isPresent()) {
            return cached.get();
        }
        ModelBundle bundle = files.decode();
        SequenceClassifier loaded = new SequenceClassifier(bundle, true);
        if (loaded.compiled != null) {
            CompiledModelFile.write(files, bundle.metadata().k(), bundle.metadata().canonical(), loaded.labels,
                    loaded.compiled);
        }
        return loaded;
    }

    private static boolean compiledByDefault() {
        return !"false".equalsIgnoreCase(System.getProperty(COMPILED_PROPERTY));
    }

    /**
     * @return the compiled path's batch labeller, or null when this classifier is not compiled
     *     (then {@link #classify(List)} is the way)
     */
    public CompiledLabels compiledLabels() {
        return compiled == null ? null : new CompiledLabels(compiled, labels);
    }

    /** @return whether this classifier was read from {@code model.compiled} rather than decoded from Tribuo's file */
    boolean isFromCompiledFile() {
        return model == null;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    /**
     * @param sequences nucleotides
     * @return one prediction per sequence, in input order (computed in parallel)
     */
    @Override
    public List<Prediction> classify(List<String> sequences) {
        if (sequences.size() == 1) { // an online request's single gene: no parallel stream to set up
            return List.of(classify(sequences.getFirst()));
        }
        return IntStream.range(0, sequences.size()).parallel()
                .mapToObj(i -> classify(sequences.get(i))).toList();
    }

    /**
     * @param sequence nucleotides
     * @return its prediction; {@link Prediction#noEvidence} when it has no countable k-mer
     */
    public Prediction classify(String sequence) {
        CompiledLinearModel.Scores scored;
        if (compiled != null) {
            scored = compiled.scores(sequence); // null exactly where hasKmer is false
        } else {
            scored = examples.featurizer().hasKmer(sequence) ? tribuoScores(sequence) : null;
        }
        if (scored == null) {
            // all N, or shorter than k: Tribuo refuses a featureless example, and a few 3-mers of
            // the composition block alone are no evidence of any class
            return Prediction.noEvidence(labels);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            scores.put(labels.get(i), scored.byLabel()[i]);
        }
        Map<String, Double> probabilities = generatesProbabilities ? normalise(scores) : softmax(scores);
        String best = scored.best();
        return new Prediction(best, probabilities.getOrDefault(best, 0.0), probabilities);
    }

    private CompiledLinearModel.Scores tribuoScores(String sequence) {
        org.tribuo.Prediction<Label> p = model.predict(examples.example(sequence, LabelFactory.UNKNOWN_LABEL));
        double[] byLabel = new double[labels.size()];
        for (int i = 0; i < byLabel.length; i++) {
            Label scored = p.getOutputScores().get(labels.get(i));
            byLabel[i] = scored == null ? 0.0 : scored.getScore();
        }
        return new CompiledLinearModel.Scores(p.getOutput().getLabel(), byLabel);
    }

    @Override
    public List<String> predictLabels(List<String> sequences) {
        return classify(sequences).stream().map(Prediction::label).toList();
    }

    /** Guards against float rounding: probabilities reported to callers sum to exactly 1 +- 1e-12. */
    private static Map<String, Double> normalise(Map<String, Double> scores) {
        double sum = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        scores.forEach((label, score) -> out.put(label, sum > 0 ? score / sum : 1.0 / scores.size()));
        return out;
    }

    private static Map<String, Double> softmax(Map<String, Double> scores) {
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> exp = new LinkedHashMap<>();
        scores.forEach((label, score) -> exp.put(label, Math.exp(score - max)));
        return normalise(exp);
    }
}
