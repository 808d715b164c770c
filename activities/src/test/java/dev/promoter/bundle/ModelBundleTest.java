package dev.promoter.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.inference.SequenceClassifier;
import dev.promoter.sequence.FastaRecord;
import dev.promoter.training.Augmentation;
import dev.promoter.training.RrnaLabels;
import dev.promoter.training.RrnaTrainer;
import dev.promoter.training.SyntheticRrna;
import dev.promoter.training.TrainerConfig;
import dev.promoter.training.TrainerKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    static final TrainerConfig CONFIG = TrainerConfig.defaults(TrainerKind.LOGREG).withK(4)
            .withAugmentation(Augmentation.NONE);
    static final List<FastaRecord> TEST = SyntheticRrna.records(2, 1, 200);
    static ModelBundle bundle;

    @BeforeAll
    static void train() {
        bundle = new ModelBundle(new RrnaTrainer(CONFIG).train(SyntheticRrna.records(6, 1, 100), "abc"),
                ModelMetadata.of(CONFIG, RrnaLabels.ALL, "abc").withMetrics(Map.of("macro_f1", 0.5, "accuracy", 0.6)));
    }

    @Test
    void directoryRoundTripPredictsTheSame(@TempDir Path dir) throws IOException {
        bundle.write(dir);
        ModelBundle loaded = ModelBundle.read(dir);

        assertThat(loaded.metadata()).isEqualTo(bundle.metadata());
        List<String> sequences = TEST.stream().map(FastaRecord::sequence).toList();
        assertThat(new SequenceClassifier(loaded).classify(sequences))
                .isEqualTo(new SequenceClassifier(bundle).classify(sequences));
    }

    /** A bundle written before xgboost's histogram bins were a setting reads them as 0: XGBoost's default. */
    @Test
    void metadataWithoutHistogramBinsReadsXgboostsDefault(@TempDir Path dir) throws IOException {
        bundle.write(dir);
        Path metadata = dir.resolve(BundleFiles.METADATA);
        String json = java.nio.file.Files.readString(metadata);
        String older = json.replaceAll(",\\s*\"histogramBins\"\\s*:\\s*\\d+", "");
        assertThat(older).isNotEqualTo(json).doesNotContain("histogramBins");
        java.nio.file.Files.writeString(metadata, older);

        ModelBundle loaded = ModelBundle.read(dir);

        assertThat(loaded.metadata().config().hyperparameters().histogramBins()).isZero();
        assertThat(loaded.metadata()).isEqualTo(bundle.metadata());
    }

    @Test
    void archiveIsDeterministicAndRoundTrips(@TempDir Path dir) throws IOException {
        bundle.write(dir);
        String fromDir = sha256(out -> ModelBundle.writeArchive(dir, out));
        String again = sha256(out -> ModelBundle.writeArchive(dir, out));
        assertThat(again).isEqualTo(fromDir);
        assertThat(sha256(out -> bundle.writeArchive(out))).isEqualTo(sha256(out -> bundle.writeArchive(out)));

        ModelBundle loaded = ModelBundle.readArchive(new ByteArrayInputStream(bundle.toArchive()), "mem");
        assertThat(loaded.metadata()).isEqualTo(bundle.metadata());
        // Writing what was read gives the same bytes: the model file survives a round trip intact.
        Path copy = dir.resolve("copy");
        loaded.write(copy);
        assertThat(sha256(out -> ModelBundle.writeArchive(copy, out))).isEqualTo(fromDir);
    }

    @Test
    void unknownDirectoryIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelBundle.read(dir.resolve("nope")))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("nope").hasMessageContaining("no such");
        assertThatThrownBy(() -> ModelBundle.read(dir))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("metadata.json");
    }

    @Test
    void wrongFormatVersionIsRefused(@TempDir Path dir) throws IOException {
        bundle.write(dir);
        Path metadata = dir.resolve("metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        assertThatThrownBy(() -> ModelBundle.read(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("metadata.json").hasMessageContaining("version 99");
    }

    @Test
    void truncatedModelFileIsAClearError(@TempDir Path dir) throws IOException {
        bundle.write(dir);
        Path model = dir.resolve("model.tribuo");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelBundle.read(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("model.tribuo").hasMessageContaining("Tribuo model");
    }

    @Test
    void notAZipOrCorruptZipIsAClearError(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("model.zip"), "hello, not a zip\n");
        assertThatThrownBy(() -> ModelBundle.readArchive(text)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("model.zip").hasMessageContaining("not a model archive");

        byte[] archive = bundle.toArchive();
        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(archive, archive.length / 2));
        assertThatThrownBy(() -> ModelBundle.readArchive(truncated)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("truncated.zip");
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static String sha256(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
