package dev.promoter.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promoter.sequence.FastaFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RrnaDatasetTest {

    @Test
    void loadsLabelsAndDigest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("train.fasta"), ">a class=16S source=x\nACGT\n>b class=5.8S\nGGCC\n");
        Files.writeString(dir.resolve("test.fasta"), ">c class=non-rRNA\nTTTT\n");

        RrnaDataset dataset = RrnaDataset.load(dir);

        assertThat(dataset.trainLabels()).containsExactly("16S", "5.8S");
        assertThat(dataset.testLabels()).containsExactly("non-rRNA");
        // sha256 of the concatenated bytes, as `cat train.fasta test.fasta | sha256sum` prints it.
        assertThat(dataset.digest()).hasSize(64).isEqualTo(RrnaDataset.load(dir).digest());
        Files.writeString(dir.resolve("test.fasta"), ">c class=non-rRNA\nTTTA\n");
        assertThat(RrnaDataset.load(dir).digest()).isNotEqualTo(dataset.digest());
    }

    @Test
    void unknownLabelIsRefusedNamingFileAndRecord(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("train.fasta"), ">a class=16S\nACGT\n>b class=12S\nGGCC\n");
        Files.writeString(dir.resolve("test.fasta"), ">c class=16S\nTTTT\n");
        assertThatThrownBy(() -> RrnaDataset.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("train.fasta").hasMessageContaining("record b").hasMessageContaining("'12S'");
    }

    @Test
    void missingLabelOrFileIsRefused(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> RrnaDataset.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("train.fasta");
        Files.writeString(dir.resolve("train.fasta"), ">a source=x\nACGT\n");
        Files.writeString(dir.resolve("test.fasta"), ">c class=16S\nTTTT\n");
        assertThatThrownBy(() -> RrnaDataset.load(dir)).hasMessageContaining("no class= label");
    }

    @Test
    void emptyFastaIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("train.fasta"), "");
        Files.writeString(dir.resolve("test.fasta"), ">c class=16S\nTTTT\n");
        assertThatThrownBy(() -> RrnaDataset.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("train.fasta").hasMessageContaining("no records");
        Files.writeString(dir.resolve("train.fasta"), ">a class=16S\n");
        assertThatThrownBy(() -> RrnaDataset.load(dir)).isInstanceOf(FastaFormatException.class);
    }
}
