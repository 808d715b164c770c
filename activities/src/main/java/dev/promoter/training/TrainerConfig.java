package dev.promoter.training;

import dev.promoter.features.KmerFeaturizer;
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

    /** Default seed: any fixed value; fixed so that two runs on the same data agree. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates k and non-null parts. */
    public TrainerConfig {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(augmentation, "augmentation");
        if (k < 1 || k > 8) {
            // Above 8 the dense 4^k vectors make Tribuo's feature maps impractically large.
            throw new IllegalArgumentException("k must be in 1..8, got " + k);
        }
    }

    /**
     * @param trainer the learner
     * @return k = 6, strand-specific, seed 42, default settings, 4 fragments per record and shuffled negatives, balanced
     */
    public static TrainerConfig defaults(TrainerKind trainer) {
        return new TrainerConfig(trainer, KmerFeaturizer.DEFAULT_K, false, DEFAULT_SEED,
                Hyperparameters.defaults(), Augmentation.defaults(4), true);
    }

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
