package dev.promoter.training;

import dev.promoter.sequence.FastaRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a classifier on labelled sequences: k-mer examples of every record plus its seeded
 * fragments, class-balanced weights, then the configured Tribuo learner.
 */
public final class RrnaTrainer {

    /** A fixed data time keeps the dataset part of the provenance a function of the data alone. */
    private static final OffsetDateTime DATA_TIME = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /**
     * The forest trains on feature values rounded to multiples of 1/512. Tribuo's CART keeps an
     * object (with its example indices and label counts) per distinct value of each feature, for
     * every tree, and copies them all at every split; unit-norm k-mer frequencies are nearly all
     * distinct, so that is close to one object per example and feature, and a tree of the default
     * forest took about 10 s. A step of 1/512 still separates single k-mer counts in sequences up
     * to several kb (one count is about 1/norm: 0.009 for a 1.5 kb gene at k = 4) and leaves a
     * few hundred values per feature at most. Prediction sees exact values: a split threshold
     * lies midway between two grid values, so an exact value goes the way its rounded value would
     * unless no training example had that rounded value and it lies within half a step of the
     * threshold.
     */
    public static final double FOREST_VALUE_STEP = 1.0 / 512;

    private final TrainerConfig config;
    private final KmerExamples examples;

    /** @param config what to train */
    public RrnaTrainer(TrainerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.examples = new KmerExamples(config.k(), config.canonical(),
                config.trainer() == TrainerKind.FOREST ? FOREST_VALUE_STEP : 0);
    }

    /** @return the configuration */
    public TrainerConfig config() {
        return config;
    }

    /**
     * @param records       training records with {@code class=} labels; the configured windows and
     *                      shuffled negatives are added to them
     * @param datasetDigest SHA-256 of the dataset, recorded in the model's provenance
     * @return the trained model
     */
    public Model<Label> train(List<FastaRecord> records, String datasetDigest) {
        return train(records, datasetDigest, TrainingListener.NONE);
    }

    /**
     * As {@link #train(List, String)}, telling {@code listener} each step (featurizing, the
     * forest's trees, boosting, epochs) as it starts.
     *
     * @param records       training records with {@code class=} labels
     * @param datasetDigest SHA-256 of the dataset, recorded in the model's provenance
     * @param listener      told where the training got to, on this thread
     * @return the trained model, the same as without a listener
     */
    public Model<Label> train(List<FastaRecord> records, String datasetDigest, TrainingListener listener) {
        List<FastaRecord> all = new ArrayList<>(records);
        all.addAll(config.augmentation().sampler(config.seed())
                .sampleAll(records, config.augmentation().fragmentsPerRecord()));
        List<String> sequences = new ArrayList<>(all.stream().map(FastaRecord::sequence).toList());
        List<String> labels = new ArrayList<>(all.stream().map(RrnaDataset::label).toList());
        config.augmentation().addShuffledNegatives(sequences, labels, config.seed());
        return train(sequences, labels, datasetDigest, listener);
    }

    /**
     * Trains on the given examples as they are (no augmentation).
     *
     * @param sequences     nucleotides
     * @param labels        one label per sequence
     * @param datasetDigest recorded in the provenance
     * @return the trained model
     */
    public Model<Label> train(List<String> sequences, List<String> labels, String datasetDigest) {
        return train(sequences, labels, datasetDigest, TrainingListener.NONE);
    }

    private Model<Label> train(List<String> sequences, List<String> labels, String datasetDigest,
            TrainingListener listener) {
        listener.progress(String.format("featurizing %,d examples (k=%d)", sequences.size(), config.k()));
        LabelFactory factory = new LabelFactory();
        SimpleDataSourceProvenance source = new SimpleDataSourceProvenance("rrna k=" + config.k()
                + (config.trainer() == TrainerKind.FOREST ? " values rounded to 1/512" : "")
                + " sha256=" + datasetDigest, DATA_TIME, factory);
        List<Example<Label>> built = examples.examples(sequences, labels);
        MutableDataset<Label> dataset = new MutableDataset<>(built, source, factory);
        if (config.balanceClasses()) {
            dataset.setWeights(inverseFrequencyWeights(labels));
        }
        Hyperparameters h = config.hyperparameters();
        int size = dataset.size();
        return switch (config.trainer()) {
            case FOREST -> ForestTreeProgress.reporting(h.trees(), listener,
                    () -> TribuoTrainers.create(config, size, listener).train(dataset));
            case LOGREG -> SgdEpochProgress.reporting(h.epochs(),
                    SgdEpochProgress.loggingInterval(size, h.minibatch()), size, listener,
                    () -> TribuoTrainers.create(config, size, listener).train(dataset));
            // reports "round i/n" itself
            case XGBOOST -> TribuoTrainers.create(config, size, listener).train(dataset);
        };
    }

    /**
     * Weight of class c is n / (classes * n_c): every class then carries the same total weight,
     * which keeps the mean weight 1 and so the learning rate meaningful.
     */
    static Map<Label, Float> inverseFrequencyWeights(List<String> labels) {
        Map<String, Integer> counts = new HashMap<>();
        labels.forEach(l -> counts.merge(l, 1, Integer::sum));
        Map<Label, Float> weights = new HashMap<>();
        counts.forEach((label, count) -> weights.put(new Label(label),
                (float) labels.size() / (counts.size() * (float) count)));
        return weights;
    }
}
