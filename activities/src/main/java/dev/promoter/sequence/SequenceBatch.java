package dev.promoter.sequence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Consecutive records of a FASTA file as one block of bases: ids, and each sequence's normalised
 * bases as a slice of one shared array, the way {@link FastaReader#readBatch} leaves them. A
 * consumer that needs only the bases (the compiled k-mer kernel) reads them in place: no
 * {@code String} per sequence and no copy of it back into bytes, which at 74 Mbases was two
 * copies of every base and two garbage collections per run.
 *
 * <p>Mutable and reused: {@link FastaReader#readBatch} clears and refills it. Not thread-safe to
 * fill; reading a filled batch from several threads is fine.
 */
public final class SequenceBatch {
    private String[] ids = new String[256];
    /** Record i's bases are {@code bases[ends[i - 1] .. ends[i])}, record 0's from 0. */
    private int[] ends = new int[256];
    private byte[] bases = new byte[1 << 16];
    private int size;

    /** @return the number of records */
    public int size() {
        return size;
    }

    /** @return record i's id */
    public String id(int i) {
        return ids[checked(i)];
    }

    /** @return where record i's bases start in {@link #bases()} */
    public int start(int i) {
        return checked(i) == 0 ? 0 : ends[i - 1];
    }

    /** @return where record i's bases end (exclusive) in {@link #bases()} */
    public int end(int i) {
        return ends[checked(i)];
    }

    /** @return the bases of every record, back to back (read only; longer than the records' total) */
    public byte[] bases() {
        return bases;
    }

    /** @return the total number of bases */
    public int totalBases() {
        return size == 0 ? 0 : ends[size - 1];
    }

    /** @return record i's sequence as a string, as {@link FastaRecord#sequence()} holds it */
    public String sequence(int i) {
        int start = start(i);
        return new String(bases, start, ends[i] - start, StandardCharsets.ISO_8859_1);
    }

    private int checked(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size);
        }
        return i;
    }

    // The reader's side

    void clear(int dropBufferAbove) {
        Arrays.fill(ids, 0, size, null);
        size = 0;
        if (bases.length > dropBufferAbove) {
            bases = new byte[1 << 16]; // one huge record does not pin its buffer in a recycled batch
        }
    }

    byte[] buffer() {
        return bases;
    }

    void buffer(byte[] grown) {
        bases = grown;
    }

    void add(String id, int end) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        ids[size] = id;
        ends[size++] = end;
    }
}
