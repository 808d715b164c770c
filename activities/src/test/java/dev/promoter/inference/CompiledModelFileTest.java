package dev.promoter.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.bundle.ModelFormatException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model.compiled} answers what Tribuo answers, bit for bit, on the real held-out set and
 * its fragments; it is written by the first load, used by the next, and ignored (then rewritten)
 * when the model's files change or the cache is damaged. Skipped where data/rrna is absent.
 */
class CompiledModelFileTest {

    private static final Path DATA = Path.of("..", "data", "rrna");
    private static RrnaDataset dataset;
    private static List<String> sequences;

    @TempDir Path dir;

    @BeforeAll
    static void readData() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("train.fasta.gz")), "data/rrna not present");
        dataset = RrnaDataset.load(DATA);
        sequences = new ArrayList<>(sequencesOf(dataset.test()));
        sequences.addAll(sequencesOf(TrainingRun.testFragments(dataset.test())));
    }

    @Test
    void secondLoadReadsTheCacheAndAnswersAsTribuo() throws IOException {
        ModelBundle bundle = logreg(6, 2);
        bundle.write(dir);
        SequenceClassifier first = SequenceClassifier.load(dir);
        assertThat(first.isFromCompiledFile()).isFalse();
        assertThat(dir.resolve(CompiledModelFile.NAME)).isRegularFile();

        SequenceClassifier cached = SequenceClassifier.load(dir);
        assertThat(cached.isFromCompiledFile()).isTrue();
        assertThat(cached.labels()).isEqualTo(bundle.metadata().labels());
        // Prediction equality compares the probabilities' Double values: bit for bit
        assertThat(cached.classify(sequences)).isEqualTo(new SequenceClassifier(bundle, false).classify(sequences));
        // a record with no countable k-mer stays a no-evidence answer
        assertThat(cached.classify("NNNNNNNN").isNoEvidence()).isTrue();
    }

    @Test
    void aChangedModelIsNotAnsweredFromTheOldCache() throws IOException {
        logreg(6, 2).write(dir);
        SequenceClassifier.load(dir);
        byte[] oldCache = Files.readAllBytes(dir.resolve(CompiledModelFile.NAME));

        ModelBundle retrained = logreg(6, 1); // same metadata, other weights
        retrained.write(dir);
        SequenceClassifier loaded = SequenceClassifier.load(dir);
        assertThat(loaded.isFromCompiledFile()).isFalse();
        List<String> some = sequences.subList(0, 300);
        assertThat(loaded.classify(some)).isEqualTo(new SequenceClassifier(retrained, false).classify(some));
        assertThat(Files.readAllBytes(dir.resolve(CompiledModelFile.NAME))).isNotEqualTo(oldCache);
        assertThat(SequenceClassifier.load(dir).isFromCompiledFile()).isTrue();
    }

    @Test
    void aDamagedCacheIsIgnoredAndRewritten() throws IOException {
        ModelBundle bundle = logreg(4, 1);
        bundle.write(dir);
        SequenceClassifier.load(dir);
        Path cache = dir.resolve(CompiledModelFile.NAME);
        byte[] good = Files.readAllBytes(cache);
        for (int at : new int[] {0, 40, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(cache, bad);
            SequenceClassifier loaded = SequenceClassifier.load(dir);
            assertThat(loaded.isFromCompiledFile()).as("byte %d flipped", at).isFalse();
            assertThat(Files.readAllBytes(cache)).isEqualTo(good);
        }
        Files.write(cache, new byte[] {1, 2, 3});
        assertThat(SequenceClassifier.load(dir).isFromCompiledFile()).isFalse();
        assertThat(SequenceClassifier.load(dir).isFromCompiledFile()).isTrue();
    }

    @Test
    void aCorruptModelIsRefusedEvenWithACache() throws IOException {
        logreg(4, 1).write(dir);
        SequenceClassifier.load(dir);
        byte[] model = Files.readAllBytes(dir.resolve("model.tribuo"));
        Files.write(dir.resolve("model.tribuo"), java.util.Arrays.copyOf(model, model.length / 2));
        assertThatThrownBy(() -> SequenceClassifier.load(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("model.tribuo");
    }

    @Test
    void treeModelsAndTribuosPathWriteNoCache() throws IOException {
        TrainerConfig config = TrainerConfig.defaults(TrainerKind.XGBOOST).withK(3).withAugmentation(Augmentation.NONE)
                .withHyperparameters(Hyperparameters.defaults().withTrees(2, 3));
        new ModelBundle(new RrnaTrainer(config).train(SyntheticRrna.records(4, 9, 1), "x"),
                ModelMetadata.of(config, RrnaLabels.ALL, "x")).write(dir);
        assertThat(SequenceClassifier.load(dir).isCompiled()).isFalse();
        assertThat(dir.resolve(CompiledModelFile.NAME)).doesNotExist();

        Path other = Files.createDirectory(dir.resolve("logreg"));
        logreg(4, 1).write(other);
        System.setProperty(SequenceClassifier.COMPILED_PROPERTY, "false");
        try {
            assertThat(SequenceClassifier.load(other).isCompiled()).isFalse();
        } finally {
            System.clearProperty(SequenceClassifier.COMPILED_PROPERTY);
        }
        assertThat(other.resolve(CompiledModelFile.NAME)).doesNotExist();
    }

    private static ModelBundle logreg(int k, int epochs) {
        TrainerConfig defaults = TrainerConfig.defaults(TrainerKind.LOGREG);
        TrainerConfig config = new TrainerConfig(TrainerKind.LOGREG, k, false, defaults.seed(),
                defaults.hyperparameters().withSgd(epochs, defaults.hyperparameters().learningRate()),
                Augmentation.NONE, true);
        return new ModelBundle(new RrnaTrainer(config).train(dataset.train(), dataset.digest()),
                ModelMetadata.of(config, RrnaLabels.ALL, dataset.digest()));
    }

    private static List<String> sequencesOf(List<FastaRecord> records) {
        return records.stream().map(FastaRecord::sequence).toList();
    }
}
