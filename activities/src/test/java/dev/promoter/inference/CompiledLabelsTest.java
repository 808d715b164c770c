package dev.promoter.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelMetadata;
import dev.promoter.experiment.TrainingRun;
import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.sequence.SequenceBatch;
import dev.promoter.training.Augmentation;
import dev.promoter.training.RrnaDataset;
import dev.promoter.training.RrnaLabels;
import dev.promoter.training.RrnaTrainer;
import dev.promoter.training.SyntheticRrna;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batch labeller answers what {@link SequenceClassifier#classify(String)} answers: the same
 * label and the same confidence to the last bit, and the same no-evidence verdicts, record by
 * record, read from a {@link SequenceBatch}'s bytes in place.
 */
class CompiledLabelsTest {

    private static final Path DATA = Path.of("..", "data", "rrna");

    @Test
    void streamSumIsDoubleStreamSumToTheLastBit() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            double[] values = new double[1 + random.nextInt(12)];
            for (int i = 0; i < values.length; i++) {
                // probabilities of every magnitude, exact zeros, and a few values outside [0, 1]
                values[i] = switch (random.nextInt(6)) {
                    case 0 -> 0.0;
                    case 1 -> random.nextDouble() * Math.pow(10, -random.nextInt(300));
                    case 2 -> (random.nextDouble() - 0.5) * 1e6;
                    default -> random.nextDouble();
                };
            }
            assertThat(Double.doubleToRawLongBits(CompiledLabels.streamSum(values)))
                    .as("sum of %s", java.util.Arrays.toString(values))
                    .isEqualTo(Double.doubleToRawLongBits(DoubleStream.of(values).sum()));
        }
        double[] infinite = {Double.POSITIVE_INFINITY, 1.0, Double.POSITIVE_INFINITY};
        assertThat(CompiledLabels.streamSum(infinite)).isEqualTo(DoubleStream.of(infinite).sum());
    }

    /** The default model's shape (k = 6, forward strand, composition block), trained briefly on the real data. */
    @Test
    void everyRecordOfTheRealTestSetAndItsFragments() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("train.fasta.gz")), "data/rrna not present");
        RrnaDataset dataset = RrnaDataset.load(DATA);
        TrainerConfig defaults = TrainerConfig.defaults(TrainerKind.LOGREG);
        TrainerConfig config = defaults.withAugmentation(Augmentation.NONE)
                .withHyperparameters(defaults.hyperparameters().withSgd(2, defaults.hyperparameters().learningRate()));
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(dataset.train(), dataset.digest()),
                ModelMetadata.of(config, RrnaLabels.ALL, dataset.digest()));
        List<String> sequences = new ArrayList<>(dataset.test().stream().map(FastaRecord::sequence).toList());
        sequences.addAll(TrainingRun.testFragments(dataset.test()).stream().map(FastaRecord::sequence).toList());
        sequences.addAll(List.of("NNNNNNNNNN", "ACG", "ACGTNACGTNACG"));
        assertSameAnswers(new SequenceClassifier(bundle, true), sequences);
    }

    @ParameterizedTest
    @CsvSource({"6, true", "5, true", "4, false", "3, false"})
    void otherShapesAndOddSequences(int k, boolean canonical) throws IOException {
        TrainerConfig defaults = TrainerConfig.defaults(TrainerKind.LOGREG);
        TrainerConfig config = new TrainerConfig(TrainerKind.LOGREG, k, canonical, defaults.seed(),
                defaults.hyperparameters(), Augmentation.NONE, true);
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x"));
        List<String> sequences = new ArrayList<>(List.of("NNNNNNNN", "ACG", "ACGTA", "ACGTNACGTNRYACG",
                "acgtacgtNNNNryACGTTGCA", "ACGUACGUUUAGC", "ACGTACGTAC".repeat(300), "A".repeat(50), "GATTACA",
                "acgt-ACGT.ACGTTT"));
        SyntheticRrna.records(3, 5, 2).forEach(r -> sequences.add(r.sequence()));
        assertSameAnswers(new SequenceClassifier(bundle, true), sequences);
    }

    @Test
    void aModelThatIsNotCompiledHasNoBatchLabeller() {
        TrainerConfig config = TrainerConfig.defaults(TrainerKind.LOGREG).withK(3).withAugmentation(Augmentation.NONE);
        ModelBundle bundle = new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x"));
        assertThat(new SequenceClassifier(bundle, false).compiledLabels()).isNull();
        assertThat(new SequenceClassifier(bundle, true).compiledLabels()).isNotNull();
    }

    /** Reads the sequences as FASTA into batches, labels each batch in two slices, compares with classify. */
    private static void assertSameAnswers(SequenceClassifier classifier, List<String> sequences) throws IOException {
        CompiledLabels labels = classifier.compiledLabels();
        assertThat(labels).isNotNull();
        StringBuilder fasta = new StringBuilder();
        for (int i = 0; i < sequences.size(); i++) {
            fasta.append(">s").append(i).append('\n').append(sequences.get(i)).append('\n');
        }
        int compared = 0;
        int noEvidence = 0;
        try (FastaReader reader = FastaReader.of(new ByteArrayInputStream(fasta.toString()
                .getBytes(StandardCharsets.ISO_8859_1)), "test")) {
            SequenceBatch batch = new SequenceBatch();
            while (reader.readBatch(batch, 300, 1 << 20)) {
                int n = batch.size();
                String[] label = new String[n];
                double[] confidence = new double[n];
                boolean[] none = new boolean[n];
                labels.label(batch, 0, n / 3, label, confidence, none);
                labels.label(batch, n / 3, n, label, confidence, none);
                for (int i = 0; i < n; i++) {
                    Prediction expected = classifier.classify(batch.sequence(i));
                    assertThat(label[i]).as(batch.id(i)).isEqualTo(expected.label());
                    assertThat(Double.doubleToRawLongBits(confidence[i])).as(batch.id(i))
                            .isEqualTo(Double.doubleToRawLongBits(expected.confidence()));
                    assertThat(none[i]).as(batch.id(i)).isEqualTo(expected.isNoEvidence());
                    noEvidence += none[i] ? 1 : 0;
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(sequences.size());
        assertThat(noEvidence).isPositive();
    }
}
