package dev.promoter.training;

import dev.promoter.features.KmerFeaturizer;
import dev.promoter.features.KmerLengthException;
import java.util.Objects;

/**
 * Everything that decides what model a training run produces; stored in the model's metadata.
 *
 * @param trainer         the learner
 * @param k               k-mer length of the features
 * @param canonical       whether a k-mer and its reverse complement share a feature
 * @param seed            seed of the learner and of the fragment windows
 * @param hyperparameters learner settings
 * @param augmentation    fragments added to the training set
 * @param balanceClasses  weight each example by the inverse frequency of its class, so that the
 *                        rare 5S and 5.8S count as much as 16S in the loss
 */
public record TrainerConfig(TrainerKind trainer, int k, boolean canonical, long seed,
        Hyperparameters hyperparameters, Augmentation augmentation, boolean balanceClasses) {

    /** Largest k a model may use. */
    public static final int MAX_K = 8;

    /** Default seed: any fixed value; fixed so that two runs on the same data agree. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates k and non-null parts. */
    public TrainerConfig {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(augmentation, "augmentation");
        if (k < 1 || k > MAX_K) {
            // Above 8 the dense 4^k vectors make Tribuo's feature maps impractically large.
            throw new KmerLengthException(k, MAX_K);
        }
    }

    /**
     * Per-learner defaults, seed 42, strand-specific, class-balanced, with shuffled negatives.
     *
     * <p>logreg: k = 6, 4 fragments per record, {@link Hyperparameters#defaults()}. xgboost: k = 5
     * (1,024 features), 1 fragment per record, {@link #XGBOOST_ROUNDS} rounds of depth 6 on
     * {@link #XGBOOST_HISTOGRAM_BINS} histogram bins per feature. forest:
     * k = 4 (256 features), 1 fragment per record, {@link #FOREST_TREES} trees of depth 10. On 2
     * cores the tree learners took over 5 minutes at k = 5-6 with 2-4 fragments (Tribuo's random
     * forest grows its trees one at a time, ~9 s each even at k = 4); these settings keep each
     * within about 90 s on the committed data.
     *
     * @param trainer the learner
     * @return its default configuration
     */
    public static TrainerConfig defaults(TrainerKind trainer) {
        Hyperparameters h = Hyperparameters.defaults();
        return switch (trainer) {
            case LOGREG -> new TrainerConfig(trainer, KmerFeaturizer.DEFAULT_K, false, DEFAULT_SEED, h,
                    Augmentation.defaults(4), true);
            case XGBOOST -> new TrainerConfig(trainer, XGBOOST_K, false, DEFAULT_SEED,
                    h.withTrees(XGBOOST_ROUNDS, 6).withHistogramBins(XGBOOST_HISTOGRAM_BINS),
                    Augmentation.defaults(1), true);
            case FOREST -> new TrainerConfig(trainer, FOREST_K, false, DEFAULT_SEED, h.withTrees(FOREST_TREES, 10),
                    Augmentation.defaults(1), true);
        };
    }

    /** Default k of xgboost. */
    public static final int XGBOOST_K = 5;
    /** Default boosting rounds of xgboost. */
    public static final int XGBOOST_ROUNDS = 30;
    /**
     * Default histogram bins per feature of xgboost. XGBoost's 256 made it the demo's costliest
     * candidate (about 115 of 250 CPU-s): finding a split scans every bin of all 1,088 features at
     * every node of 8 trees per round. With 64 it took 43 CPU-s on the same data and scored
     * macro-F1 0.9672 / fragments 0.9253 against 0.9663 / 0.9179 (32 bins: 27 CPU-s, 0.9635 /
     * 0.9223), so the demo's comparison stays fair; the unit-norm k-mer frequencies of a gene take
     * few distinct values per feature anyway.
     */
    public static final int XGBOOST_HISTOGRAM_BINS = 64;
    /** Default k of the random forest. */
    public static final int FOREST_K = 4;
    /** Default trees of the random forest. */
    public static final int FOREST_TREES = 10;

    /** @return a copy with another k */
    public TrainerConfig withK(int newK) {
        return new TrainerConfig(trainer, newK, canonical, seed, hyperparameters, augmentation, balanceClasses);
    }

    /** @return a copy with another seed */
    public TrainerConfig withSeed(long newSeed) {
        return new TrainerConfig(trainer, k, canonical, newSeed, hyperparameters, augmentation, balanceClasses);
    }

    /** @return a copy with other learner settings */
    public TrainerConfig withHyperparameters(Hyperparameters newHyperparameters) {
        return new TrainerConfig(trainer, k, canonical, seed, newHyperparameters, augmentation, balanceClasses);
    }

    /** @return a copy with another augmentation */
    public TrainerConfig withAugmentation(Augmentation newAugmentation) {
        return new TrainerConfig(trainer, k, canonical, seed, hyperparameters, newAugmentation, balanceClasses);
    }
}
