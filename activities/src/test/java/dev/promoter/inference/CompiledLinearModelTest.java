package dev.promoter.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelMetadata;
import dev.promoter.experiment.TrainingRun;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.Augmentation;
import dev.promoter.training.Hyperparameters;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.RrnaLabels;
import dev.promoter.training.RrnaTrainer;
import dev.promoter.training.SyntheticRrna;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compiled logistic regression answers exactly what Tribuo's {@code predict} answers: same
 * label, and the same probabilities to the last bit, on every record of the real held-out set and
 * on seeded fragments of them. Skipped, not failed, where data/rrna is absent.
 */
class CompiledLinearModelTest {

    private static final Path DATA = Path.of("..", "data", "rrna");

    /**
     * k = 6 is the default (with the 3-mer composition block), canonical the strand-free option,
     * k = 4 a model without the composition block. The default trains on every training record;
     * the others with fewer epochs, to bound the runtime (their quality does not matter here).
     */
    @ParameterizedTest
    @CsvSource({"6, false, 8", "6, true, 2", "4, false, 2"})
    void compiledPathGivesTribuosAnswersOnTheRealTestSet(int k, boolean canonical, int epochs) throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("train.fasta.gz")), "data/rrna not present");
        RrnaDataset dataset = RrnaDataset.load(DATA);
        TrainerConfig defaults = TrainerConfig.defaults(TrainerKind.LOGREG);
        TrainerConfig config = new TrainerConfig(TrainerKind.LOGREG, k, canonical, defaults.seed(),
                defaults.hyperparameters().withSgd(epochs, defaults.hyperparameters().learningRate()),
                Augmentation.NONE, true);
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(dataset.train(), dataset.digest()),
                ModelMetadata.of(config, RrnaLabels.ALL, dataset.digest()));
        SequenceClassifier compiled = new SequenceClassifier(bundle, true);
        SequenceClassifier tribuo = new SequenceClassifier(bundle, false);
        assertThat(compiled.isCompiled()).isTrue();
        assertThat(tribuo.isCompiled()).isFalse();

        List<String> sequences = new ArrayList<>(sequencesOf(dataset.test()));
        sequences.addAll(sequencesOf(TrainingRun.testFragments(dataset.test())));
        List<Prediction> fast = compiled.classify(sequences);
        List<Prediction> reference = tribuo.classify(sequences);
        for (int i = 0; i < sequences.size(); i++) {
            // record equality compares every probability with Double.equals: bit for bit
            assertThat(fast.get(i)).as("sequence %d (length %d)", i, sequences.get(i).length())
                    .isEqualTo(reference.get(i));
        }
        assertThat(sequences).hasSizeGreaterThan(dataset.test().size());
    }

    @ParameterizedTest
    @CsvSource({"6, false", "6, true", "5, true", "4, false"})
    void unreadableAndIupacSequencesAgreeToo(int k, boolean canonical) {
        TrainerConfig defaults = TrainerConfig.defaults(TrainerKind.LOGREG);
        TrainerConfig config = new TrainerConfig(TrainerKind.LOGREG, k, canonical, defaults.seed(),
                defaults.hyperparameters(), Augmentation.NONE, true);
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x"));
        List<String> odd = List.of("NNNNNNNN", "ACG", "ACGTA", "ACGTNACGTNRYACG", "acgtacgtNNNNryACGTTGCA",
                "ACGUACGUUUAGC", "ACGTACGTAC".repeat(300), "A".repeat(50), "GATTACA", "ACGTAC\u00e9ACGTACGTAC",
                "TTGCA\u0100CGTACGGT", "acgt-ACGT.ACGTTT", longWithBreaksAtSliceEdges());
        SequenceClassifier compiled = new SequenceClassifier(bundle, true);
        assertThat(compiled.isCompiled()).isTrue();
        assertThat(compiled.classify(odd))
                .isEqualTo(new SequenceClassifier(bundle, false).classify(odd));
    }

    /** Eight classes take their own kernel; a model of fewer classes takes the general one. */
    @Test
    void aModelOfThreeClassesAgreesToo() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("train.fasta.gz")), "data/rrna not present");
        RrnaDataset dataset = RrnaDataset.load(DATA);
        List<String> three = List.of("16S", "18S", "non-rRNA");
        List<FastaRecord> train = dataset.train().stream().filter(r -> three.contains(RrnaDataset.label(r))).toList();
        TrainerConfig defaults = TrainerConfig.defaults(TrainerKind.LOGREG);
        TrainerConfig config = defaults.withAugmentation(Augmentation.NONE)
                .withHyperparameters(defaults.hyperparameters().withSgd(2, defaults.hyperparameters().learningRate()));
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(train, dataset.digest()),
                ModelMetadata.of(config, RrnaLabels.ALL, dataset.digest()));
        SequenceClassifier compiled = new SequenceClassifier(bundle, true);
        assertThat(compiled.isCompiled()).isTrue();
        List<String> sequences = sequencesOf(dataset.test());
        assertThat(compiled.classify(sequences)).isEqualTo(new SequenceClassifier(bundle, false).classify(sequences));
    }

    /**
     * The server's request threads are virtual, one per request, and take a spare scratch instead
     * of a thread's own: 64 at once, more than there are spares, each classifying sequences one by
     * one (a dirty or shared scratch would change a count), must give the platform thread's answers.
     */
    @Test
    void virtualThreadsGiveThePlatformThreadsAnswers() throws Exception {
        TrainerConfig config = TrainerConfig.defaults(TrainerKind.LOGREG).withAugmentation(Augmentation.NONE);
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x"));
        SequenceClassifier compiled = new SequenceClassifier(bundle, true);
        assertThat(compiled.isCompiled()).isTrue();
        List<String> sequences = new ArrayList<>(sequencesOf(SyntheticRrna.records(3, 9, 2)));
        sequences.addAll(List.of("ACGTACGTAC".repeat(300), "acgtacgtNNNNryACGTTGCA", "NNNNNNNN", "ACG",
                longWithBreaksAtSliceEdges()));
        List<Prediction> expected = new ArrayList<>();
        for (String sequence : sequences) {
            expected.add(compiled.classify(List.of(sequence)).getFirst());
        }
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<List<Prediction>>> runs = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int offset = t;
                runs.add(threads.submit(() -> {
                    assertThat(Thread.currentThread().isVirtual()).isTrue();
                    List<Prediction> mine = new ArrayList<>();
                    for (int i = 0; i < sequences.size(); i++) {
                        String sequence = sequences.get((i + offset) % sequences.size());
                        mine.add(compiled.classify(List.of(sequence)).getFirst());
                        Thread.yield(); // let another virtual thread take the carrier between sequences
                    }
                    return mine;
                }));
            }
            for (int t = 0; t < runs.size(); t++) {
                List<Prediction> mine = runs.get(t).get();
                for (int i = 0; i < sequences.size(); i++) {
                    assertThat(mine.get(i)).as("thread %d, sequence %d", t, (i + t) % sequences.size())
                            .isEqualTo(expected.get((i + t) % sequences.size()));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TrainerKind.class, names = {"XGBOOST", "FOREST"})
    void treeModelsKeepTribuosPath(TrainerKind kind) {
        TrainerConfig config = TrainerConfig.defaults(kind).withK(3).withAugmentation(Augmentation.NONE)
                .withHyperparameters(Hyperparameters.defaults().withTrees(2, 3));
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x"));
        assertThat(new SequenceClassifier(bundle, true).isCompiled()).isFalse();
    }

    @Test
    void compilingCanBeSwitchedOffByProperty() {
        TrainerConfig config = TrainerConfig.defaults(TrainerKind.LOGREG).withK(3).withAugmentation(Augmentation.NONE);
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x"));
        assertThat(new SequenceClassifier(bundle).isCompiled()).isTrue();
        System.setProperty(SequenceClassifier.COMPILED_PROPERTY, "false");
        try {
            assertThat(new SequenceClassifier(bundle).isCompiled()).isFalse();
        } finally {
            System.clearProperty(SequenceClassifier.COMPILED_PROPERTY);
        }
    }

    /**
     * 30,000 bases (the kernel counts in slices of {@link CompiledLinearModel#COUNT_SLICE}) with
     * ambiguous bases just before, on and after the slice edges, so that runs of k-mers cross them
     * and end at them.
     */
    static String longWithBreaksAtSliceEdges() {
        StringBuilder s = new StringBuilder(CompiledLinearModel.probeSequence().repeat(15));
        for (int edge = CompiledLinearModel.COUNT_SLICE; edge < s.length(); edge += CompiledLinearModel.COUNT_SLICE) {
            s.setCharAt(edge - 2, 'N');
            s.setCharAt(edge + 1, 'R');
        }
        s.setCharAt(2 * CompiledLinearModel.COUNT_SLICE, 'N');
        return s.toString();
    }

    private static List<String> sequencesOf(List<FastaRecord> records) {
        return records.stream().map(FastaRecord::sequence).toList();
    }
}
