package dev.promoter.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastaReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private void assertFormatError(Path file, long line, String reason) {
        assertThatThrownBy(() -> FastaReader.readAll(file))
                .isInstanceOfSatisfying(FastaFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(line);
                })
                .hasMessageStartingWith(file + ":" + line + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void handsRecordsOnInBatchesTheLastOneShorter() throws IOException {
        byte[] text = ">a\nAC\n>b\nGT\n>c\nAA\n>d\nCC\n>e\nGG\n".getBytes(StandardCharsets.US_ASCII);
        List<List<String>> batches = new java.util.ArrayList<>();
        try (FastaReader reader = FastaReader.of(new ByteArrayInputStream(text), "five.fa")) {
            long n = reader.forEachBatch(2, b -> batches.add(b.stream().map(FastaRecord::id).toList()));
            assertThat(n).isEqualTo(5);
        }
        assertThat(batches).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        try (FastaReader empty = FastaReader.of(new ByteArrayInputStream(new byte[0]), "empty.fa")) {
            assertThat(empty.forEachBatch(2, b -> batches.add(List.of("never")))).isZero();
        }
        assertThat(batches).hasSize(3);
    }

    @Test
    void readsIdDescriptionAndMultiLineSequence() throws IOException {
        Path file = write("ok.fasta", ">S1 class=16S source=silva-ssu-93\nACGT\nTTGG\n>S2\nNNNA\n");
        List<FastaRecord> records = FastaReader.readAll(file);
        assertThat(records).containsExactly(
                new FastaRecord("S1", "class=16S source=silva-ssu-93", "ACGTTTGG"),
                new FastaRecord("S2", "", "NNNA"));
        assertThat(records.get(0).attribute("class")).isEqualTo("16S");
    }

    @Test
    void normalisesCaseUracilWhitespaceGapsAndWindowsLineEndings() throws IOException {
        Path file = write("norm.fasta", "\r\n>r1  some  words \r\nacgu N\tr-y.\r\n\r\n>r2\r\nuuuu");
        assertThat(FastaReader.readAll(file)).containsExactly(
                new FastaRecord("r1", "some  words", "ACGTNRY"),
                new FastaRecord("r2", "", "TTTT"));
    }

    @Test
    void acceptsEveryIupacCode() throws IOException {
        Path file = write("iupac.fasta", ">all\nACGTURYSWKMBDHVNacgturyswkmbdhvn\n");
        assertThat(FastaReader.readAll(file).get(0).sequence()).isEqualTo("ACGTTRYSWKMBDHVNACGTTRYSWKMBDHVN");
    }

    @Test
    void emptyFileHasNoRecords() throws IOException {
        assertThat(FastaReader.readAll(write("empty.fasta", ""))).isEmpty();
        assertThat(FastaReader.readAll(write("blank.fasta", "\n \n\r\n"))).isEmpty();
    }

    @Test
    void rejectsDataBeforeFirstHeader() throws IOException {
        assertFormatError(write("pre.fasta", "\nACGT\n>a\nACGT\n"), 2, "data before the first '>' header");
    }

    @Test
    void rejectsEmptyHeader() throws IOException {
        assertFormatError(write("eh.fasta", ">a\nACGT\n>  \r\nACGT\n"), 3, "empty header");
    }

    @Test
    void rejectsEmptyId() throws IOException {
        assertFormatError(write("eid.fasta", ">a\nAC\nGT\n> class=16S\nACGT\n"), 4, "empty id");
    }

    @Test
    void rejectsRecordWithoutSequenceInTheMiddle() throws IOException {
        assertFormatError(write("er.fasta", ">a\nACGT\n>b desc\n\n>c\nACGT\n"), 3, "record 'b' has no sequence");
    }

    @Test
    void rejectsRecordWithoutSequenceAtEndOfFile() throws IOException {
        assertFormatError(write("er2.fasta", ">a\nACGT\n>last"), 3, "record 'last' has no sequence");
    }

    @Test
    void rejectsRecordOfGapsOnly() throws IOException {
        assertFormatError(write("gaps.fasta", ">a\n---..\n"), 1, "has no sequence");
    }

    @Test
    void rejectsNonIupacLetterWithColumn() throws IOException {
        assertFormatError(write("bad.fasta", ">a\nACGT\nACEGT\n"), 3, "invalid nucleotide 'E' at column 3");
    }

    @Test
    void rejectsDigitsStarsAndNonAscii() throws IOException {
        assertFormatError(write("digit.fasta", ">a\nAC1\n"), 2, "'1'");
        assertFormatError(write("star.fasta", ">a\nACGT*\n"), 2, "'*'");
        assertFormatError(write("utf.fasta", ">a\nAC\nGÄ\n"), 3, "byte 0xc3");
    }

    @Test
    void reportsLineNumbersInsideGzip() throws IOException {
        assertFormatError(gzip("bad.fa.gz", ">a\nACGT\n>b\nACGX\n"), 4, "'X'");
    }

    @Test
    void detectsGzipByMagicBytesNotExtension() throws IOException {
        String text = ">g1 class=18S\nACGT\n>g2\nGGCC\n";
        Path misnamed = gzip("looks-plain.fasta", text);
        Path plainNamedGz = write("looks-gzipped.fasta.gz", text);
        assertThat(FastaReader.readAll(misnamed)).isEqualTo(FastaReader.readAll(plainNamedGz)).hasSize(2);
    }

    @Test
    void readsConcatenatedGzipMembers() throws IOException {
        Path file = dir.resolve("multi.fa.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (String part : List.of(">m1\nAAAA\n", ">m2\nCCCC\n")) {
                var bytes = new java.io.ByteArrayOutputStream();
                try (OutputStream gz = new GZIPOutputStream(bytes)) {
                    gz.write(part.getBytes(StandardCharsets.US_ASCII));
                }
                out.write(bytes.toByteArray());
            }
        }
        assertThat(FastaReader.readAll(file)).extracting(FastaRecord::id).containsExactly("m1", "m2");
    }

    @Test
    void streamsFromInputStreamAndClosesOnStreamClose() throws IOException {
        var bytes = new ByteArrayInputStream(">x\nAC\n>y\nGT\n".getBytes(StandardCharsets.US_ASCII));
        try (Stream<FastaRecord> records = FastaReader.of(bytes, "<mem>").stream()) {
            assertThat(records.map(FastaRecord::sequence)).containsExactly("AC", "GT");
        }
    }

    @Test
    void iteratorSurfacesFormatErrorsLazily() throws IOException {
        try (FastaReader reader = FastaReader.open(write("lazy.fasta", ">a\nAC\n>b\nZZ\n"))) {
            assertThat(reader.next().id()).isEqualTo("a");
            assertThatThrownBy(reader::hasNext).isInstanceOf(FastaFormatException.class).hasMessageContaining(":4:");
        }
    }

    @Test
    void recordsBeforeABadHeaderAreStillDelivered() throws IOException {
        try (FastaReader reader = FastaReader.open(write("late.fasta", ">a\nAC\n> oops\nGT\n"))) {
            assertThat(reader.next().id()).isEqualTo("a");
            assertThatThrownBy(reader::hasNext).isInstanceOf(FastaFormatException.class).hasMessageContaining(":3: empty id");
        }
    }

    @Test
    void corruptGzipIsAFormatErrorNamingTheFile() throws IOException {
        // a user can fix it (download again), so it is a FastaFormatException, not an I/O error
        Path file = dir.resolve("corrupt.gz");
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        assertThatThrownBy(() -> FastaReader.readAll(file)).isInstanceOf(FastaFormatException.class)
                .hasMessageStartingWith(file + ":1: ").hasMessageContaining("gzip");
        Path invalid = dir.resolve("invalid.gz");
        Files.write(invalid, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 3, 4});
        assertThatThrownBy(() -> FastaReader.readAll(invalid)).isInstanceOf(FastaFormatException.class)
                .hasMessageContaining("corrupt gzip data");
    }

    @Test
    void aTruncatedGzipFileSaysTruncated() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append(">r").append(i).append('\n').append("ACGTTGCA".repeat(20 + i % 7)).append('\n');
        }
        byte[] whole = Files.readAllBytes(gzip("whole.fa.gz", text.toString()));
        Path cut = Files.write(dir.resolve("cut.fa.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> FastaReader.readAll(cut)).isInstanceOf(FastaFormatException.class)
                .hasMessageContaining("cut.fa.gz").hasMessageContaining("truncated gzip");
        Path header = Files.write(dir.resolve("header.fa.gz"), java.util.Arrays.copyOf(whole, 4));
        assertThatThrownBy(() -> FastaReader.readAll(header)).isInstanceOf(FastaFormatException.class)
                .hasMessageContaining("truncated gzip");
    }

    @Test
    void aDirectoryIsNamedAsSuch() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("reads"));
        assertThatThrownBy(() -> FastaReader.open(folder)).isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessage(folder + ": is a directory, not a FASTA file");
    }
}
