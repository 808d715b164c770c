package dev.promoter.training;

/**
 * Learner settings; each trainer reads the ones that apply to it.
 *
 * @param epochs          logreg: passes over the training set
 * @param learningRate    logreg: AdaGrad's initial rate
 * @param minibatch       logreg: examples per gradient step
 * @param trees           xgboost: boosting rounds; forest: trees
 * @param maxDepth        xgboost and forest: deepest tree
 * @param eta             xgboost: shrinkage of each round
 * @param featureFraction forest: fraction of features tried at each split
 * @param threads         xgboost: native threads
 * @param histogramBins   xgboost: most histogram bins per feature ({@code max_bin}); 0 for
 *                        XGBoost's own default (256), which is also what a model's metadata
 *                        written before this setting existed reads as
 */
public record Hyperparameters(int epochs, double learningRate, int minibatch, int trees, int maxDepth,
        double eta, double featureFraction, int threads, int histogramBins) {

    /** Rejects values the learners would fail on later, with less helpful messages. */
    public Hyperparameters {
        if (epochs < 1 || minibatch < 1 || trees < 1 || maxDepth < 1 || threads < 1) {
            throw new IllegalArgumentException("epochs, minibatch, trees, maxDepth and threads must be >= 1");
        }
        if (histogramBins != 0 && histogramBins < 2) {
            throw new IllegalArgumentException("histogramBins must be 0 (XGBoost's default) or >= 2");
        }
        if (!(learningRate > 0) || !(eta > 0) || !(featureFraction > 0 && featureFraction <= 1)) {
            throw new IllegalArgumentException("need learningRate > 0, eta > 0 and 0 < featureFraction <= 1");
        }
    }

    /** @return settings that reach the project's accuracy target on the committed rRNA data */
    public static Hyperparameters defaults() {
        return new Hyperparameters(8, 0.5, 1, 60, 8, 0.3, 0.1,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 0);
    }

    /** @return a copy with other tree settings */
    public Hyperparameters withTrees(int newTrees, int newMaxDepth) {
        return new Hyperparameters(epochs, learningRate, minibatch, newTrees, newMaxDepth, eta, featureFraction, threads,
                histogramBins);
    }

    /** @return a copy with other SGD settings */
    public Hyperparameters withSgd(int newEpochs, double newLearningRate) {
        return new Hyperparameters(newEpochs, newLearningRate, minibatch, trees, maxDepth, eta, featureFraction, threads,
                histogramBins);
    }

    /** @return a copy with another most histogram bins per feature (xgboost) */
    public Hyperparameters withHistogramBins(int newHistogramBins) {
        return new Hyperparameters(epochs, learningRate, minibatch, trees, maxDepth, eta, featureFraction, threads,
                newHistogramBins);
    }
}
