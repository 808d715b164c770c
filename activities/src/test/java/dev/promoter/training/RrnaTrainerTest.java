package dev.promoter.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelMetadata;
import dev.promoter.evaluation.EvaluationReport;
import dev.promoter.evaluation.Evaluator;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaRecord;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tribuo.Model;
import org.tribuo.classification.Label;

class RrnaTrainerTest {

    static final List<FastaRecord> TRAIN = SyntheticRrna.records(12, 1, 100);
    static final List<FastaRecord> TEST = SyntheticRrna.records(5, 1, 200);

    static TrainerConfig small(TrainerKind kind) {
        return TrainerConfig.defaults(kind).withK(4)
                .withHyperparameters(Hyperparameters.defaults().withTrees(20, 6))
                .withAugmentation(Augmentation.reads(2));
    }

    @ParameterizedTest
    @EnumSource(TrainerKind.class)
    void everyTrainerLearnsSyntheticClasses(TrainerKind kind) {
        Model<Label> model = new RrnaTrainer(small(kind)).train(TRAIN, "test");
        SequenceClassifier classifier = new SequenceClassifier(
                new ModelBundle(model, ModelMetadata.of(small(kind), RrnaLabels.ALL, "test")));

        EvaluationReport report = Evaluator.evaluate(classifier, TEST, RrnaDataset::label);

        assertThat(report.macroF1()).as(report.toTable()).isGreaterThanOrEqualTo(0.95);
        assertThat(ProvenanceJson.of(model)).contains("\"seed\"").contains(kind == TrainerKind.LOGREG
                ? "LinearSGDTrainer" : kind == TrainerKind.XGBOOST ? "XGBoostClassificationTrainer" : "RandomForestTrainer");
    }

    @ParameterizedTest
    @EnumSource(TrainerKind.class)
    void sameSeedGivesSamePredictions(TrainerKind kind) {
        List<String> sequences = TEST.stream().map(FastaRecord::sequence).toList();
        List<Double> first = confidences(kind, sequences);
        List<Double> second = confidences(kind, sequences);
        assertThat(second).isEqualTo(first);
    }

    private static List<Double> confidences(TrainerKind kind, List<String> sequences) {
        Model<Label> model = new RrnaTrainer(small(kind)).train(TRAIN, "test");
        SequenceClassifier classifier = new SequenceClassifier(
                new ModelBundle(model, ModelMetadata.of(small(kind), RrnaLabels.ALL, "test")));
        return classifier.classify(sequences).stream().map(p -> p.confidence()).toList();
    }
}
