package dev.promoter.training;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** Builds the configured Tribuo trainer; every random choice is seeded from the config. */
final class TribuoTrainers {

    /** SGD logs every this many examples: never, in practice; progress is not worth the noise. */
    private static final int NO_LOGGING = Integer.MAX_VALUE;

    private TribuoTrainers() {
    }

    static Trainer<Label> create(TrainerConfig config) {
        Hyperparameters h = config.hyperparameters();
        return switch (config.trainer()) {
            case LOGREG -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(h.learningRate(), 0.1),
                    h.epochs(), NO_LOGGING, h.minibatch(), config.seed());
            // Histogram splits: the exact method sorts all 4,096 k-mer columns at every node and
            // took minutes where hist takes seconds.
            case XGBOOST -> new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                    XGBoostTrainer.TreeMethod.HIST, h.trees(), h.eta(), 0.0, h.maxDepth(), 1.0, 1.0,
                    1.0, 1.0, 0.0, h.threads(),
                    XGBoostTrainer.LoggingVerbosity.SILENT, config.seed());
            case FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(h.maxDepth(), (float) h.featureFraction(), config.seed()),
                    new VotingCombiner(), h.trees(), config.seed());
        };
    }
}
