package dev.promoter.sequence;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Strict streaming FASTA reader: holds one record at a time, never the whole file, so a
 * multi-gigabyte reference can be featurized in constant memory.
 *
 * <p>Input rules (anything else is a {@link FastaFormatException} naming source and line):
 * <ul>
 *   <li>gzip is detected by its magic bytes {@code 1f 8b}, not by the file name; multi-member
 *       (bgzip) files are read to the end; one that ends early is an error that says "truncated";</li>
 *   <li>blank lines anywhere are ignored; any other line before the first header is an error;</li>
 *   <li>the id must follow {@code '>'} directly: {@code ">"} and {@code "> desc"} are errors, so
 *       a description word is never silently promoted to an id;</li>
 *   <li>every record needs at least one base;</li>
 *   <li>sequence lines may hold IUPAC nucleotide codes {@code ACGTURYSWKMBDHVN} in either case
 *       (stored upper case, {@code U} stored as {@code T}), whitespace including a Windows
 *       {@code \r} (ignored) and the alignment gaps {@code '-'} and {@code '.'}, which are
 *       <em>skipped</em>: aligned SILVA exports carry them, and dropping them restores the
 *       molecule's own sequence. Any other byte ({@code '*'}, digits, protein letters such as
 *       {@code E}, non-ASCII) is an error.</li>
 * </ul>
 *
 * <p>Not thread-safe: one reader per thread. Errors while iterating surface as
 * {@link UncheckedIOException} (I/O) or {@link FastaFormatException} (content).
 */
public final class FastaReader implements Iterator<FastaRecord>, Closeable {

    /** Marker in {@link #BASES}: byte is not allowed in a sequence line. */
    private static final byte INVALID = 0;
    /** Marker in {@link #BASES}: byte is allowed but carries no base (whitespace, gap). */
    private static final byte SKIP = 1;
    /** Maps every byte of a sequence line to its stored base, {@link #INVALID} or {@link #SKIP}. */
    private static final byte[] BASES = new byte[256];
    /** After a record this large the buffer is dropped, so one huge genome does not pin memory. */
    private static final int RETAINED_BUFFER_LIMIT = 1 << 22;
    private static final int MAX_RECORD_LENGTH = Integer.MAX_VALUE - 16;
    /** Bytes of a line scanned per call at most: see {@link #scanLine}. */
    private static final int SCAN_SLICE = 1 << 13;
    /** Room beyond a batch's bases in a presized buffer: its last record's overshoot, typically (see {@link #presize}). */
    static final int PRESIZE_SLACK = 1 << 16;

    static {
        for (char c : "ACGTRYSWKMBDHVN".toCharArray()) {
            BASES[c] = (byte) c;
            BASES[Character.toLowerCase(c)] = (byte) c;
        }
        BASES['U'] = 'T';
        BASES['u'] = 'T';
        for (char c : " \t\r\f\u000b-.".toCharArray()) {
            BASES[c] = SKIP;
        }
    }

    private final InputStream in;
    private final String source;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    /** Number of the line the cursor is on (lines consumed so far + 1). */
    private long line = 1;
    private byte[] seq = new byte[1 << 12];
    private int seqLength;
    /** Where the record being read starts in {@link #seq}: 0, or further on in a {@link SequenceBatch}. */
    private int recordStart;
    private byte[] headerBytes = new byte[256];

    private String pendingId;
    private String pendingDescription;
    /** Where the pending description lies in {@link #headerBytes} (an ASCII header), or -1: {@link #pendingDescription}. */
    private int descriptionFrom = -1;
    private int descriptionTo;
    private long pendingHeaderLine;
    private boolean started;
    private FastaRecord next;

    private FastaReader(InputStream raw, String source) throws IOException {
        this.source = source;
        try {
            this.in = decompressIfGzip(raw);
        } catch (EOFException e) {
            throw truncated(e);
        }
    }

    /**
     * Opens a file, plain or gzip-compressed.
     *
     * @param path FASTA file; its name is used in error messages
     * @return a reader positioned before the first record; close it
     * @throws IOException if the file cannot be opened ({@link FileSystemException} for a directory)
     * @throws FastaFormatException if it is a gzip file cut off inside its header
     */
    public static FastaReader open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            // Linux opens a directory for reading and fails only at the first read, with a bare "Is a directory"
            throw new FileSystemException(path.toString(), null, "is a directory, not a FASTA file");
        }
        InputStream raw = Files.newInputStream(path);
        try {
            return new FastaReader(raw, path.toString());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads a stream, plain or gzip-compressed. Closing the reader closes the stream.
     *
     * @param in     FASTA bytes
     * @param source name used in error messages, for example a URL or {@code "<stdin>"}
     * @return a reader positioned before the first record
     * @throws IOException if the gzip header cannot be read
     */
    public static FastaReader of(InputStream in, String source) throws IOException {
        return new FastaReader(in, source);
    }

    /**
     * Streams the records of a file lazily; close the stream (try-with-resources) to close the file.
     *
     * @param path FASTA file, plain or gzip
     * @return ordered, sequential stream of records
     * @throws IOException if the file cannot be opened
     */
    public static Stream<FastaRecord> stream(Path path) throws IOException {
        return open(path).stream();
    }

    /**
     * Reads every record of a file into memory: for test sets and small references only.
     *
     * @param path FASTA file, plain or gzip
     * @return all records in file order
     * @throws IOException if the file cannot be read
     */
    public static List<FastaRecord> readAll(Path path) throws IOException {
        try (FastaReader reader = open(path)) {
            List<FastaRecord> records = new ArrayList<>();
            reader.forEachRemaining(records::add);
            return records;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** @return the remaining records as an ordered sequential stream that closes this reader on close */
    public Stream<FastaRecord> stream() {
        Spliterator<FastaRecord> split = Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::closeUnchecked);
    }

    /** @return the name used in error messages */
    public String source() {
        return source;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = readRecord();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + source, e);
            }
        }
        return next != null;
    }

    @Override
    public FastaRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + source);
        }
        FastaRecord record = next;
        next = null;
        return record;
    }

    /**
     * Hands the remaining records on in lists of {@code size}, the last one shorter. The list is
     * reused between calls: copy what you keep.
     *
     * @return how many records there were
     */
    public long forEachBatch(int size, Consumer<List<FastaRecord>> action) {
        List<FastaRecord> batch = new ArrayList<>(size);
        long records = 0;
        while (hasNext()) {
            batch.add(next());
            records++;
            if (batch.size() == size || !hasNext()) {
                action.accept(batch);
                batch.clear();
            }
        }
        return records;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void closeUnchecked() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + source, e);
        }
    }

    private static InputStream decompressIfGzip(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** Reads the record under the cursor; the cursor is at a '>' or at the end of input. */
    private FastaRecord readRecord() throws IOException {
        seqLength = 0;
        String id = readRecordBases();
        return id == null ? null : new FastaRecord(id, description(), takeSequence());
    }

    /**
     * Reads the header and bases of the record under the cursor, appending the bases to
     * {@link #seq} from {@link #seqLength} on.
     *
     * @return the record's id, or null at the end of input
     */
    private String readRecordBases() throws IOException {
        if (!started) {
            started = true;
            skipToFirstHeader();
        }
        if (peek() < 0) {
            return null;
        }
        // The header is read here, not at the end of the previous record, so an error in it
        // surfaces only after every record before it has been handed out.
        readHeader();
        String id = pendingId;
        long headerLine = pendingHeaderLine;
        recordStart = seqLength;
        int b;
        while ((b = peek()) >= 0 && b != '>') {
            readSequenceLine();
        }
        if (seqLength == recordStart) {
            throw new FastaFormatException(source, headerLine, "record '" + id + "' has no sequence");
        }
        return id;
    }

    /**
     * Reads the next records into {@code batch} (cleared first), with the same rules, errors and
     * normalised bases as {@link #next()}, until it holds {@code maxRecords} records or at least
     * {@code maxBases} bases, or the input ends. Mixing this with {@link #next()} is allowed.
     *
     * @return whether the batch holds any record (false: the input is exhausted)
     * @throws FastaFormatException if a record is malformed (the batch then holds the records before it)
     * @throws UncheckedIOException if reading fails
     */
    public boolean readBatch(SequenceBatch batch, int maxRecords, int maxBases) {
        if (maxRecords < 1 || maxBases < 1) {
            throw new IllegalArgumentException("a batch holds at least one record and one base");
        }
        batch.clear(Math.max(RETAINED_BUFFER_LIMIT, 2 * maxBases));
        presize(batch, maxBases);
        if (next != null) { // a record hasNext() already read
            byte[] bases = next.sequence().getBytes(StandardCharsets.ISO_8859_1);
            batch.buffer(Arrays.copyOf(batch.buffer(), Math.max(batch.buffer().length, bases.length)));
            System.arraycopy(bases, 0, batch.buffer(), 0, bases.length);
            batch.add(next.id(), bases.length);
            next = null;
        }
        byte[] own = seq;
        seq = batch.buffer();
        seqLength = batch.totalBases();
        try {
            while (batch.size() < maxRecords && seqLength < maxBases) {
                String id = readRecordBases();
                if (id == null) {
                    break;
                }
                batch.add(id, seqLength);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        } finally {
            batch.buffer(seq);
            seq = own;
            seqLength = 0;
            recordStart = 0;
        }
        return batch.size() > 0;
    }

    /**
     * Gives a new batch the buffer its records will fill at once, instead of letting it double
     * from 64 KB: every array a doubling leaves behind was zeroed and, in a short run that never
     * collects, page-faulted in for nothing (for {@code promoter classify} of 74 Mbases, the
     * growing buffers of its few batches in flight were about a seventh of the run's CPU time).
     * A batch closes at the first record that reaches {@code maxBases}, so room for that many bases
     * and one more slice suffices unless its last record is long; only batches up to
     * {@link #RETAINED_BUFFER_LIMIT} bases are presized, larger ones grow as they must.
     */
    private static void presize(SequenceBatch batch, int maxBases) {
        if (maxBases <= RETAINED_BUFFER_LIMIT && batch.buffer().length < maxBases + PRESIZE_SLACK) {
            batch.buffer(new byte[maxBases + PRESIZE_SLACK]);
        }
    }

    private void skipToFirstHeader() throws IOException {
        int b;
        while ((b = peek()) >= 0 && b != '>') {
            long dataLine = line;
            if (!skipBlankLine()) {
                throw new FastaFormatException(source, dataLine, "data before the first '>' header");
            }
        }
    }

    private String takeSequence() {
        String sequence = new String(seq, 0, seqLength, StandardCharsets.ISO_8859_1);
        if (seq.length > RETAINED_BUFFER_LIMIT) {
            seq = new byte[1 << 12];
        }
        return sequence;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the header line under the cursor (starting with '>') into the pending id and description. */
    private void readHeader() throws IOException {
        pendingHeaderLine = line;
        int length = 0;
        nextByte(); // the '>'
        int b;
        while ((b = nextByte()) >= 0 && b != '\n') {
            if (length == headerBytes.length) {
                headerBytes = Arrays.copyOf(headerBytes, length * 2);
            }
            headerBytes[length++] = (byte) b;
        }
        if (length > 0 && headerBytes[length - 1] == '\r') {
            length--;
        }
        if (isAscii(headerBytes, length)) {
            readAsciiHeader(length);
            return;
        }
        String header = new String(headerBytes, 0, length, StandardCharsets.UTF_8).stripTrailing();
        if (header.isEmpty()) {
            throw new FastaFormatException(source, pendingHeaderLine, "empty header");
        }
        int space = indexOfWhitespace(header);
        if (space == 0) {
            throw new FastaFormatException(source, pendingHeaderLine, "empty id: the id must follow '>' directly");
        }
        pendingId = space < 0 ? header : header.substring(0, space);
        pendingDescription = space < 0 ? "" : header.substring(space + 1).strip();
        descriptionFrom = -1;
    }

    /**
     * {@link #readHeader}'s rules for a header of ASCII bytes, on the bytes: the same id, errors
     * and description ({@link Character#isWhitespace} is {@link #isAsciiWhitespace} there), without
     * decoding UTF-8 or building the description, which {@link #description()} builds only for a
     * {@link FastaRecord}: a {@link SequenceBatch} keeps no description.
     */
    private void readAsciiHeader(int length) {
        int end = length;
        while (end > 0 && isAsciiWhitespace(headerBytes[end - 1])) {
            end--;
        }
        if (end == 0) {
            throw new FastaFormatException(source, pendingHeaderLine, "empty header");
        }
        int space = 0;
        while (space < end && !isAsciiWhitespace(headerBytes[space])) {
            space++;
        }
        if (space == 0) {
            throw new FastaFormatException(source, pendingHeaderLine, "empty id: the id must follow '>' directly");
        }
        pendingId = new String(headerBytes, 0, space, StandardCharsets.ISO_8859_1);
        int from = Math.min(space + 1, end);
        while (from < end && isAsciiWhitespace(headerBytes[from])) {
            from++;
        }
        pendingDescription = null;
        descriptionFrom = from;
        descriptionTo = end;
    }

    /** @return the description of the header read last (valid until the next header is read) */
    private String description() {
        if (descriptionFrom >= 0) {
            return new String(headerBytes, descriptionFrom, descriptionTo - descriptionFrom, StandardCharsets.ISO_8859_1);
        }
        return pendingDescription;
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@link Character#isWhitespace} of an ASCII byte: tab, line feed, vertical tab, form feed, carriage return, the four separators 0x1c-0x1f, space. */
    private static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
    }

    /** @return true if the line under the cursor held only whitespace; consumes it either way */
    private boolean skipBlankLine() throws IOException {
        boolean blank = true;
        int b;
        while ((b = nextByte()) >= 0 && b != '\n') {
            blank &= b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b;
        }
        return blank;
    }

    /** Appends the normalised bases of the line under the cursor to {@link #seq}. */
    private void readSequenceLine() throws IOException {
        long column = 0;
        while (pos < limit || fill()) {
            int scanned = scanLine(column);
            if (scanned < 0) {
                return;
            }
            column += scanned;
        }
    }

    /**
     * Scans at most {@link #SCAN_SLICE} bytes of the line under the cursor in the buffer, appending
     * their bases: one call per slice, so that a JIT without on-stack replacement (the launcher's
     * classify of a long input) compiles this loop after a few calls even for a single-line
     * chromosome, instead of interpreting all of it. The buffer is scanned directly: a
     * single-line 50 Mbase record is never copied into a line.
     *
     * @param column bytes of the line scanned before this slice (for an error's column)
     * @return the bytes scanned, or -1 when the line ended (its newline consumed)
     */
    private int scanLine(long column) {
        int end = limit - pos > SCAN_SLICE ? pos + SCAN_SLICE : limit;
        ensureCapacity(end - pos);
        byte[] bytes = buf;
        byte[] out = seq;
        int n = seqLength;
        int p = pos;
        while (p < end) {
            int b = bytes[p] & 0xff;
            if (b == '\n') {
                seqLength = n;
                pos = p + 1;
                line++;
                return -1;
            }
            byte base = BASES[b];
            if (base > SKIP) {
                out[n++] = base;
            } else if (base == INVALID) {
                seqLength = n;
                throw invalidCharacter(b, column + p - pos + 1);
            }
            p++;
        }
        int scanned = p - pos;
        seqLength = n;
        pos = p;
        return scanned;
    }

    private FastaFormatException truncated(EOFException e) {
        FastaFormatException f = new FastaFormatException(source, line,
                "truncated gzip file: the compressed data ends early (an incomplete download or copy?)");
        f.initCause(e);
        return f;
    }

    private FastaFormatException corrupt(ZipException e) {
        FastaFormatException f = new FastaFormatException(source, line, "corrupt gzip data (" + e.getMessage() + ")");
        f.initCause(e);
        return f;
    }

    private FastaFormatException invalidCharacter(int b, long column) {
        String shown = b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
        return new FastaFormatException(source, line,
                "invalid nucleotide " + shown + " at column " + column + " (allowed: IUPAC ACGTURYSWKMBDHVN, gaps - .)");
    }

    private void ensureCapacity(int extra) {
        long needed = (long) seqLength + extra;
        if (needed <= seq.length) {
            return;
        }
        // in a batch the records before this one count too: at worst a record a batch's bases
        // shorter than the limit is refused
        if (needed > MAX_RECORD_LENGTH) {
            throw new FastaFormatException(source, line, "record longer than " + MAX_RECORD_LENGTH + " bases");
        }
        long grown = Math.max(needed, Math.min((long) seq.length * 2, MAX_RECORD_LENGTH));
        seq = Arrays.copyOf(seq, (int) grown);
    }

    private int peek() throws IOException {
        return pos < limit || fill() ? buf[pos] & 0xff : -1;
    }

    private int nextByte() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        int b = buf[pos++] & 0xff;
        if (b == '\n') {
            line++;
        }
        return b;
    }

    private boolean fill() throws IOException {
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (EOFException e) {
            // only GZIPInputStream throws it: the compressed data stops before its end marker
            throw truncated(e);
        } catch (ZipException e) {
            throw corrupt(e);
        }
        pos = 0;
        limit = Math.max(n, 0);
        return limit > 0;
    }
}
