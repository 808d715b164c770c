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

/** Batches of bases hold exactly the records, bases and errors that reading record by record gives. */
class SequenceBatchTest {

    private static final Path TEST = Path.of("..", "data", "rrna", "test.fasta.gz");

    @TempDir
    Path dir;

    @Test
    void theRealTestSetInRecycledBatchesIsWhatNextGives() throws IOException {
        assumeTrue(Files.isRegularFile(TEST), "data/rrna not present");
        List<FastaRecord> expected = FastaReader.readAll(TEST);
        List<String> ids = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        int batches = 0;
        try (FastaReader reader = FastaReader.open(TEST);
                PrefetchedBatches<SequenceBatch> prefetched = PrefetchedBatches.sequences(reader, 100, 50_000, 2, false)) {
            for (SequenceBatch batch = prefetched.next(); batch != null; batch = prefetched.next()) {
                assertThat(batch.size()).isBetween(1, 100);
                // closed at the first record that reaches 50,000 bases, not before
                assertThat(batch.totalBases() - (batch.end(batch.size() - 1) - batch.start(batch.size() - 1)))
                        .isLessThan(50_000);
                for (int i = 0; i < batch.size(); i++) {
                    ids.add(batch.id(i));
                    sequences.add(batch.sequence(i));
                }
                batches++;
                prefetched.recycle(batch);
            }
        }
        assertThat(ids).isEqualTo(expected.stream().map(FastaRecord::id).toList());
        assertThat(sequences).isEqualTo(expected.stream().map(FastaRecord::sequence).toList());
        assertThat(batches).isGreaterThan(expected.size() / 100);
    }

    @Test
    void basesAreNormalisedAsInRecordsAndNextMixesWithBatches() {
        String fasta = ">a desc\nac-gu\nNN.n\r\n\n>b\nRYacgt\n>c\nT\n>d\nGG\n";
        FastaReader reader = reader(fasta);
        assertThat(reader.hasNext()).isTrue(); // reads 'a' ahead: the batch must still start with it
        SequenceBatch batch = new SequenceBatch();
        assertThat(reader.readBatch(batch, 2, 1000)).isTrue();
        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.id(0)).isEqualTo("a");
        assertThat(batch.sequence(0)).isEqualTo("ACGTNNN");
        assertThat(batch.sequence(1)).isEqualTo("RYACGT");
        assertThat(new String(batch.bases(), batch.start(1), batch.end(1) - batch.start(1), StandardCharsets.US_ASCII))
                .isEqualTo("RYACGT");
        assertThat(reader.next().id()).isEqualTo("c");
        assertThat(reader.readBatch(batch, 2, 1000)).isTrue();
        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.id(0)).isEqualTo("d");
        assertThat(batch.sequence(0)).isEqualTo("GG");
        assertThat(reader.readBatch(batch, 2, 1000)).isFalse();
        assertThat(batch.size()).isZero();
        assertThatThrownBy(() -> batch.id(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aBatchIsSizedOnceForItsBasesAndKeepsItsBufferWhenRefilled() {
        StringBuilder fasta = new StringBuilder();
        for (int r = 0; r < 400; r++) {
            fasta.append('>').append(r).append('\n').append("ACGT".repeat(250)).append('\n'); // 1,000 bases each
        }
        FastaReader reader = reader(fasta.toString());
        SequenceBatch batch = new SequenceBatch();
        assertThat(reader.readBatch(batch, 1000, 100_000)).isTrue();
        assertThat(batch.totalBases()).isEqualTo(100_000);
        byte[] buffer = batch.bases();
        // room for the batch's bases from the start, not a buffer doubled from 64 KB on the way
        assertThat(buffer.length).isEqualTo(100_000 + FastaReader.PRESIZE_SLACK);
        assertThat(reader.readBatch(batch, 1000, 100_000)).isTrue();
        assertThat(batch.bases()).isSameAs(buffer);
        assertThat(batch.sequence(0)).isEqualTo("ACGT".repeat(250));
    }

    @Test
    void errorsAreTheReadersOwn() {
        for (String bad : List.of(">a\nACGT\n>b\n>c\nACGT\n", ">a\nACGT\n>b\nAC*T\n", "ACGT\n>a\nACGT\n",
                ">a\nACGT\n> b\nACGT\n")) {
            String own = null;
            try {
                reader(bad).forEachRemaining(r -> { });
            } catch (FastaFormatException e) {
                own = e.getMessage();
            }
            assertThat(own).as(bad).isNotNull();
            assertThatThrownBy(() -> reader(bad).readBatch(new SequenceBatch(), 10, 1000))
                    .isInstanceOf(FastaFormatException.class).hasMessage(own);
        }
    }

    @Test
    void aLongRecordGrowsTheBatchAndTheNextBatchStartsSmall() throws IOException {
        String longOne = "ACGT".repeat(3_000_000); // 12 Mbases: more than the buffer a batch keeps
        Path file = Files.writeString(dir.resolve("long.fasta"), ">long\n" + longOne + "\n>short\nACGT\n");
        try (FastaReader reader = FastaReader.open(file)) {
            SequenceBatch batch = new SequenceBatch();
            assertThat(reader.readBatch(batch, 10, 1000)).isTrue();
            assertThat(batch.size()).isEqualTo(1);
            assertThat(batch.sequence(0)).isEqualTo(longOne);
            assertThat(reader.readBatch(batch, 10, 1000)).isTrue();
            assertThat(batch.sequence(0)).isEqualTo("ACGT");
            assertThat(batch.bases().length).isLessThan(1 << 20);
        }
        // a long line is scanned in slices: an error deep in it still names its column
        Path bad = Files.writeString(dir.resolve("bad.fasta"), ">x\n" + "AC-G".repeat(5_000) + "E\n");
        try (FastaReader reader = FastaReader.open(bad)) {
            assertThatThrownBy(() -> reader.readBatch(new SequenceBatch(), 10, 1000))
                    .isInstanceOf(FastaFormatException.class).hasMessageContaining(":2: ")
                    .hasMessageContaining("'E' at column 20001");
        }
    }

    /** The ASCII fast path splits id and description exactly as the general (UTF-8, Unicode whitespace) one. */
    @Test
    void headersSplitAsStringStripAndCharacterIsWhitespaceSplitThem() {
        List<String> headers = List.of("id", "id desc", "id\tdesc  ", "id \t desc\u000bmore \u001c", "id\u001fx",
                "id\u000c", "a\u001c\u001d\u001e\u001fb", "id  two  words\t", "id\u0000x y", "id\u007f y",
                "\u00e9t\u00e9 caf\u00e9", "id\u2003em space", "id\u00a0nbsp x");
        for (String header : headers) {
            String trimmed = header.stripTrailing();
            int space = -1;
            for (int i = 0; i < trimmed.length() && space < 0; i++) {
                space = Character.isWhitespace(trimmed.charAt(i)) ? i : -1;
            }
            String id = space < 0 ? trimmed : trimmed.substring(0, space);
            String description = space < 0 ? "" : trimmed.substring(space + 1).strip();
            FastaReader reader = readerUtf8(">" + header + "\r\nACGT\n");
            FastaRecord record = reader.next();
            assertThat(record.id()).as(header).isEqualTo(id);
            assertThat(record.description()).as(header).isEqualTo(description);
            SequenceBatch batch = new SequenceBatch();
            readerUtf8(">" + header + "\nACGT\n").readBatch(batch, 1, 10);
            assertThat(batch.id(0)).as(header).isEqualTo(id);
        }
        for (String bad : List.of(">\nACGT\n", "> \t\nACGT\n", "> id\nACGT\n", ">\u001cid\nACGT\n")) {
            assertThatThrownBy(() -> readerUtf8(bad).next()).as(bad).isInstanceOf(FastaFormatException.class)
                    .hasMessageContaining("empty");
        }
    }

    private static FastaReader readerUtf8(String fasta) {
        try {
            return FastaReader.of(new ByteArrayInputStream(fasta.getBytes(StandardCharsets.UTF_8)), "<test>");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static FastaReader reader(String fasta) {
        try {
            return FastaReader.of(new ByteArrayInputStream(fasta.getBytes(StandardCharsets.ISO_8859_1)), "<test>");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
