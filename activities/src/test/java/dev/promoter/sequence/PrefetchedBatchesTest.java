package dev.promoter.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches parsed on another thread arrive whole, in file order, and a failure arrives where it happened. */
class PrefetchedBatchesTest {

    private static final Path TEST = Path.of("..", "data", "rrna", "test.fasta.gz");

    @TempDir
    Path dir;

    @Test
    void everyRecordOfTheRealTestSetInFileOrder() throws IOException {
        assumeTrue(Files.isRegularFile(TEST), "data/rrna not present");
        List<FastaRecord> expected = FastaReader.readAll(TEST);
        List<FastaRecord> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (FastaReader reader = FastaReader.open(TEST); PrefetchedBatches<List<FastaRecord>> batches = PrefetchedBatches.records(reader, 100, 2, false)) {
            for (List<FastaRecord> batch = batches.next(); batch != null; batch = batches.next()) {
                seen.addAll(batch);
                sizes.add(batch.size());
            }
            assertThat(batches.next()).isNull();
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(size -> size == 100);
        assertThat(sizes.getLast()).isEqualTo(expected.size() % 100 == 0 ? 100 : expected.size() % 100);
    }

    @Test
    void aMalformedRecordFailsAfterTheBatchesBeforeItWithTheReadersOwnMessage() throws IOException {
        StringBuilder fasta = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            fasta.append(">r").append(i).append("\nACGTACGT\n");
        }
        fasta.append(">bad\nAC*T\n>r250\nACGT\n"); // the * on line 502
        Path file = Files.writeString(dir.resolve("bad.fasta"), fasta);
        String readersOwn = null;
        try {
            FastaReader.readAll(file);
        } catch (FastaFormatException e) {
            readersOwn = e.getMessage();
        }
        assertThat(readersOwn).contains(":502:").contains("invalid nucleotide '*'");

        List<FastaRecord> seen = new ArrayList<>();
        try (FastaReader reader = FastaReader.open(file); PrefetchedBatches<List<FastaRecord>> batches = PrefetchedBatches.records(reader, 100, 1, false)) {
            seen.addAll(batches.next());
            seen.addAll(batches.next());
            assertThatThrownBy(batches::next).isInstanceOf(FastaFormatException.class).hasMessage(readersOwn);
            assertThat(batches.next()).isNull();
        }
        assertThat(seen).hasSize(200).extracting(FastaRecord::id).startsWith("r0", "r1").endsWith("r199");
    }

    @Test
    void emptyInputGivesNoBatch() throws IOException {
        try (FastaReader reader = FastaReader.of(new ByteArrayInputStream(new byte[0]), "<empty>");
                PrefetchedBatches<List<FastaRecord>> batches = PrefetchedBatches.records(reader, 10, 2, false)) {
            assertThat(batches.next()).isNull();
        }
    }

    @Test
    void closingEarlyStopsTheParsingThread() throws IOException {
        StringBuilder fasta = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            fasta.append(">r").append(i).append('\n').append("ACGT".repeat(50)).append('\n');
        }
        byte[] bytes = fasta.toString().getBytes(StandardCharsets.US_ASCII);
        try (FastaReader reader = FastaReader.of(new ByteArrayInputStream(bytes), "<early-close>")) {
            PrefetchedBatches<List<FastaRecord>> batches = PrefetchedBatches.records(reader, 10, 1, false);
            assertThat(batches.next()).extracting(FastaRecord::id).startsWith("r0");
            batches.close(); // the parser is blocked handing over a batch nobody takes
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("fasta-<early-close>") && t.isAlive());
        }
    }
}
