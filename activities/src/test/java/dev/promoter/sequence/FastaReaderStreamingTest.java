package dev.promoter.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 50 Mbase record, read record by record: memory grows with the record, not the file. */
class FastaReaderStreamingTest {

    private static final int BIG = 50_000_000;
    private static final int SMALL = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void readsHugeRecordWithoutReadingAheadOfTheCurrentOne() throws IOException {
        Path file = dir.resolve("big.fasta");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            writeRecord(out, "small", SMALL, 80);
            writeRecord(out, "chromosome", BIG, 60);
            writeRecord(out, "tail", 10, 80);
        }
        CountingStream counting = new CountingStream(Files.newInputStream(file));
        try (FastaReader reader = FastaReader.of(counting, file.toString())) {
            FastaRecord small = reader.next();
            assertThat(small.length()).isEqualTo(SMALL);
            // The reader has consumed the small record plus at most its read-ahead buffers,
            // far less than the 51 MB file: it streams.
            assertThat(counting.count).isLessThan(SMALL + SMALL / 80 + 300_000L).isLessThan(Files.size(file) / 10);

            FastaRecord big = reader.next();
            assertThat(big.id()).isEqualTo("chromosome");
            assertThat(big.length()).isEqualTo(BIG);
            assertThat(big.sequence().charAt(0)).isEqualTo(baseAt(0));
            assertThat(big.sequence().charAt(BIG - 1)).isEqualTo(baseAt(BIG - 1));
            assertThat(big.sequence().charAt(12_345_677)).isEqualTo(baseAt(12_345_677));
            assertThat(reader.next().sequence()).isEqualTo("ACGTACGTAC");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    /** A cheap deterministic non-periodic-looking pattern, so an off-by-one shows. */
    private static char baseAt(long i) {
        return "ACGT".charAt((int) ((i ^ (i >>> 7)) & 3));
    }

    private static void writeRecord(OutputStream out, String id, int length, int width) throws IOException {
        out.write((">" + id + " class=test\n").getBytes(StandardCharsets.US_ASCII));
        byte[] line = new byte[width + 1];
        for (int start = 0; start < length; start += width) {
            int n = Math.min(width, length - start);
            for (int j = 0; j < n; j++) {
                line[j] = (byte) (id.equals("tail") ? "ACGT".charAt((start + j) & 3) : baseAt(start + j));
            }
            line[n] = '\n';
            out.write(line, 0, n + 1);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }
    }
}
