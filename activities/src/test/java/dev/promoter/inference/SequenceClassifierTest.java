package dev.promoter.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelMetadata;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.Augmentation;
import dev.promoter.training.Hyperparameters;
import dev.promoter.training.RrnaLabels;
import dev.promoter.training.RrnaTrainer;
import dev.promoter.training.SyntheticRrna;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SequenceClassifierTest {

    @ParameterizedTest
    @EnumSource(TrainerKind.class)
    void concurrentCallsAgreeWithSequentialOnesAndProbabilitiesSumToOne(TrainerKind kind) throws Exception {
        TrainerConfig config = TrainerConfig.defaults(kind).withK(3).withAugmentation(Augmentation.NONE)
                .withHyperparameters(Hyperparameters.defaults().withTrees(10, 4));
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x"));
        SequenceClassifier classifier = new SequenceClassifier(bundle);
        List<String> sequences = SyntheticRrna.records(4, 9, 2).stream().map(FastaRecord::sequence).toList();
        List<Prediction> sequential = sequences.stream().map(classifier::classify).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> classifier.classify(sequences)));
            }
            for (Future<List<Prediction>> f : futures) {
                assertThat(f.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Prediction p : sequential) {
            assertThat(p.probabilities().keySet()).containsExactlyElementsOf(RrnaLabels.ALL);
            assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(p.confidence()).isEqualTo(p.probabilities().get(p.label()));
            assertThat(p.probabilities().values()).allMatch(v -> v <= p.confidence());
        }
    }

    @org.junit.jupiter.api.Test
    void aSequenceWithNoCountableKmerIsNonRrnaWithConfidenceZero() {
        TrainerConfig config = TrainerConfig.defaults(TrainerKind.LOGREG).withK(5).withAugmentation(Augmentation.NONE);
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x"));
        SequenceClassifier classifier = new SequenceClassifier(bundle);
        // all N; shorter than k (it has 3-mers, which the k >= 5 composition block would count); k-1 bases between Ns
        List<String> unreadable = List.of("NNNNNNNNNNNN", "ACGT", "ACGTNACGTNRYACG");
        for (Prediction p : classifier.classify(unreadable)) {
            assertThat(p.label()).isEqualTo(RrnaLabels.NON_RRNA);
            assertThat(p.confidence()).isZero();
            assertThat(p.isNoEvidence()).isTrue();
            assertThat(p.probabilities().keySet()).containsExactlyElementsOf(RrnaLabels.ALL);
        }
        Prediction readable = classifier.classify("ACGTA");
        assertThat(readable.confidence()).isPositive();
        assertThat(readable.isNoEvidence()).isFalse();
    }
}
