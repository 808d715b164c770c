package dev.promoter.training;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** Builds the configured Tribuo trainer; every random choice is seeded from the config. */
final class TribuoTrainers {

    private TribuoTrainers() {
    }

    /**
     * @param config   what to train
     * @param examples the training set's size: logreg logs (and so reports) once per epoch
     * @param listener hears xgboost's rounds (the forest's trees and logreg's epochs are read
     *                 from Tribuo's log: {@link ForestTreeProgress}, {@link SgdEpochProgress})
     */
    static Trainer<Label> create(TrainerConfig config, int examples, TrainingListener listener) {
        Hyperparameters h = config.hyperparameters();
        return switch (config.trainer()) {
            case LOGREG -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(h.learningRate(), 0.1),
                    h.epochs(), SgdEpochProgress.loggingInterval(examples, h.minibatch()), h.minibatch(),
                    config.seed());
            // Histogram splits: the exact method sorts all 4,096 k-mer columns at every node and
            // took minutes where hist takes seconds.
            case XGBOOST -> new RoundReportingXGBoostTrainer(XGBoostTrainer.BoosterType.GBTREE,
                    XGBoostTrainer.TreeMethod.HIST, h.trees(), h.eta(), 0.0, h.maxDepth(), 1.0, 1.0,
                    1.0, 1.0, 0.0, h.threads(),
                    XGBoostTrainer.LoggingVerbosity.SILENT, config.seed(), h.histogramBins(), listener);
            case FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(h.maxDepth(), (float) h.featureFraction(), config.seed()),
                    new VotingCombiner(), h.trees(), config.seed());
        };
    }
}
