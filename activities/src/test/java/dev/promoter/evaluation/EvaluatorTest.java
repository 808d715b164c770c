package dev.promoter.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelMetadata;
import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.Augmentation;
import dev.promoter.training.KmerExamples;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.RrnaLabels;
import dev.promoter.training.RrnaTrainer;
import dev.promoter.training.SyntheticRrna;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class EvaluatorTest {

    @Test
    void handComputedExample() {
        // truth a a a b b c, predicted a a b b c c:
        // a: P 2/2 R 2/3 F1 0.8; b: P 1/2 R 1/2 F1 0.5; c: P 1/2 R 1/1 F1 2/3; macro (0.8+0.5+2/3)/3.
        EvaluationReport r = Evaluator.evaluate(List.of("a", "a", "a", "b", "b", "c"),
                List.of("a", "a", "b", "b", "c", "c"));

        assertThat(r.n()).isEqualTo(6);
        assertThat(r.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(r.of("a").f1()).isCloseTo(0.8, within(1e-12));
        assertThat(r.of("b").precision()).isCloseTo(0.5, within(1e-12));
        assertThat(r.of("c").recall()).isCloseTo(1.0, within(1e-12));
        assertThat(r.macroF1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
        assertThat(r.labels()).containsExactly("a", "b", "c");
        assertThat(r.confusion()).isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}});
        assertThat(r.metrics()).containsEntry("support.a", 3.0).containsKey("f1.c").containsKey("macro_f1");
    }

    @Test
    void matchesTribuoLabelEvaluation() {
        // Few records and no augmentation: a weak model, so there are errors to count.
        TrainerConfig config = TrainerConfig.defaults(TrainerKind.LOGREG).withK(2).withAugmentation(Augmentation.NONE);
        List<FastaRecord> train = SyntheticRrna.records(3, 5, 1);
        List<FastaRecord> test = SyntheticRrna.records(6, 5, 2);
        Model<Label> model = new RrnaTrainer(config).train(train, "x");
        SequenceClassifier classifier = new SequenceClassifier(
                new ModelBundle(model, ModelMetadata.of(config, RrnaLabels.ALL, "x")));

        EvaluationReport ours = Evaluator.evaluate(classifier, test, RrnaDataset::label);

        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new KmerExamples(2, false).examples(test.stream().map(FastaRecord::sequence).toList(),
                        test.stream().map(RrnaDataset::label).toList()),
                new SimpleDataSourceProvenance("test", factory), factory);
        LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, dataset);
        assertThat(ours.accuracy()).isCloseTo(tribuo.accuracy(), within(1e-12));
        // Every label occurs in this test set, so both average over the same eight classes.
        assertThat(ours.labels()).hasSize(8);
        assertThat(ours.macroF1()).isCloseTo(tribuo.macroAveragedF1(), within(1e-12));
        for (String label : ours.labels()) {
            assertThat(ours.of(label).f1()).as(label).isCloseTo(tribuo.f1(new Label(label)), within(1e-12));
            assertThat(ours.of(label).precision()).as(label).isCloseTo(tribuo.precision(new Label(label)), within(1e-12));
        }
    }

    @Test
    void overlappingTrainAndTestIsRefused() {
        List<FastaRecord> train = List.of(new FastaRecord("t1", "class=16S", "ACGTACGT"));
        List<FastaRecord> test = List.of(new FastaRecord("x9", "class=16S", "ACGTACGT"));
        assertThatThrownBy(() -> Evaluator.requireDisjoint(train, test))
                .isInstanceOf(TrainTestOverlapException.class).hasMessageContaining("x9").hasMessageContaining("t1");
        Evaluator.requireDisjoint(train, List.of(new FastaRecord("x9", "class=16S", "ACGTACGA")));
    }

    @Test
    void emptyOrMismatchedInputIsRefused() {
        assertThatThrownBy(() -> Evaluator.evaluate(List.of(), List.of())).hasMessageContaining("no examples");
        assertThatThrownBy(() -> Evaluator.evaluate(List.of("a"), List.of())).hasMessageContaining("1 truths");
    }
}
