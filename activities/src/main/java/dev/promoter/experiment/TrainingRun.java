package dev.promoter.experiment;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelMetadata;
import dev.promoter.evaluation.Evaluator;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.ProvenanceJson;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.RrnaTrainer;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainingListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Trains on a dataset's training half and scores the model on its held-out half. */
public final class TrainingRun {

    /** Seed of the test fragments: {@link HeldOutScoring#TEST_FRAGMENT_SEED}. */
    public static final long TEST_FRAGMENT_SEED = HeldOutScoring.TEST_FRAGMENT_SEED;
    /** Windows cut from each held-out record: {@link HeldOutScoring#TEST_FRAGMENTS_PER_RECORD}. */
    public static final int TEST_FRAGMENTS_PER_RECORD = HeldOutScoring.TEST_FRAGMENTS_PER_RECORD;

    private TrainingRun() {
    }

    /**
     * @param dataset the data; its test set must share no sequence with its training set
     * @param config  what to train
     * @return model, evaluations and provenance
     * @throws dev.promoter.evaluation.TrainTestOverlapException if the halves overlap
     */
    public static TrainingResult run(RrnaDataset dataset, TrainerConfig config) {
        return run(dataset, config, TrainingListener.NONE);
    }

    /**
     * As {@link #run(RrnaDataset, TrainerConfig)}, telling {@code listener} each step as it starts.
     *
     * @param dataset  the data
     * @param config   what to train
     * @param listener told where the run got to (featurizing, trees, scoring), on this thread
     * @return the same result as without a listener
     */
    public static TrainingResult run(RrnaDataset dataset, TrainerConfig config, TrainingListener listener) {
        return run(dataset.train(), dataset.test(), dataset.digest(), config, listener);
    }

    /**
     * @param train         labelled training records
     * @param test          labelled held-out records
     * @param datasetDigest lineage of the data
     * @param config        what to train
     * @return model, evaluations and provenance
     */
    public static TrainingResult run(List<FastaRecord> train, List<FastaRecord> test, String datasetDigest,
            TrainerConfig config) {
        return run(train, test, datasetDigest, config, TrainingListener.NONE);
    }

    private static TrainingResult run(List<FastaRecord> train, List<FastaRecord> test, String datasetDigest,
            TrainerConfig config, TrainingListener listener) {
        Evaluator.requireDisjoint(train, test);
        long start = System.nanoTime();
        Model<Label> model = new RrnaTrainer(config).train(train, datasetDigest, listener);
        Duration trainingTime = Duration.ofNanos(System.nanoTime() - start);
        List<String> labels = modelLabels(model);
        ModelBundle unscored = new ModelBundle(model, ModelMetadata.of(config, labels, datasetDigest));
        SequenceClassifier classifier = new SequenceClassifier(unscored);
        listener.progress(String.format("scoring on %,d held-out records and their fragments", test.size()));
        HeldOutScoring.Score score = HeldOutScoring.score(classifier, test);
        Map<String, Double> metrics = score.metrics();
        metrics.put("training_seconds", trainingTime.toMillis() / 1000.0);
        ModelBundle bundle = new ModelBundle(model, unscored.metadata().withMetrics(metrics));
        return new TrainingResult(bundle, score.fullLength(), score.fragments(), trainingTime,
                ProvenanceJson.of(model));
    }

    /**
     * @param test held-out records
     * @return the seeded 150-500 bp windows every model is scored on ({@link HeldOutScoring#testFragments})
     */
    public static List<FastaRecord> testFragments(List<FastaRecord> test) {
        return HeldOutScoring.testFragments(test);
    }

    /** Project order for known labels, so metadata lists classes as reports do. */
    private static List<String> modelLabels(Model<Label> model) {
        TreeSet<String> known = new TreeSet<>();
        model.getOutputIDInfo().getDomain().forEach(l -> known.add(l.getLabel()));
        List<String> ordered = new java.util.ArrayList<>(dev.promoter.training.RrnaLabels.ALL.stream()
                .filter(known::remove).toList());
        ordered.addAll(known);
        return ordered;
    }
}
