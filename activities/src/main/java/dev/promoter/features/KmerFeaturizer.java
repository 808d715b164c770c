package dev.promoter.features;

import dev.promoter.sequence.FastaRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Turns a nucleotide sequence into its k-mer frequency vector: entry {@code i} is the number of
 * occurrences of k-mer {@code i} divided by the number of valid k-mers, so the entries sum to 1,
 * or the vector is all zeros when the sequence has no valid k-mer (shorter than k, or all N).
 *
 * <p><b>Alphabet.</b> {@code A C G T} in either case, and {@code U} as {@code T}. Any other
 * character (N and the other IUPAC codes, gaps) is ambiguous: every k-mer that overlaps it is
 * skipped, so it neither counts nor enters the total.
 *
 * <p><b>Index layout.</b> Bases are coded {@code A=0 C=1 G=2 T=3} and a k-mer's code is its bases
 * read as a base-4 number, first base most significant; so index order is lexicographic order
 * ({@code AAAAAA=0, AAAAAC=1, ..., TTTTTT=4^k-1}). In canonical mode a k-mer and its reverse
 * complement share one entry; the entries are the canonical k-mers (the lexicographically smaller
 * of each pair, palindromes included) in lexicographic order, numbered densely from 0: dimension
 * {@code 4^k/2} for odd k and {@code (4^k + 4^(k/2))/2} for even k. {@link #kmer(int)} names an
 * index.
 *
 * <p><b>Speed.</b> One pass over the sequence's bytes with a 2-bit rolling code (and a rolling
 * reverse complement in canonical mode), counting into a reused per-thread {@code int[]}; then
 * one pass writes the normalised vector and re-zeroes the counts. No allocation per k-mer; per
 * sequence only the output vector and a byte copy of the sequence. Thread-safe: share one
 * instance (each has its own per-thread scratch).
 */
public final class KmerFeaturizer {

    /** Default k, as in the project's baseline classifier. */
    public static final int DEFAULT_K = 6;
    /** Largest supported k: a dense vector of 4^12 floats is already 64 MiB. */
    public static final int MAX_K = 12;

    /**
     * Largest dimension (k = 8) counted in a per-thread scratch array; above it a 4^k int array per
     * thread would pin up to 64 MiB in every (possibly virtual) thread, so it is allocated per call,
     * which costs no more than the output vector itself.
     */
    private static final int SCRATCH_LIMIT = 1 << 16;
    /** Base code of each byte, -1 where ambiguous. */
    private static final byte[] CODES = new byte[256];

    static {
        Arrays.fill(CODES, (byte) -1);
        String bases = "ACGT";
        for (int code = 0; code < 4; code++) {
            CODES[bases.charAt(code)] = (byte) code;
            CODES[Character.toLowerCase(bases.charAt(code))] = (byte) code;
        }
        CODES['U'] = 3;
        CODES['u'] = 3;
    }

    private final int k;
    private final boolean canonical;
    private final int mask;
    private final CanonicalKmers canonicalKmers;
    private final ThreadLocal<int[]> scratch;

    /**
     * @param k         k-mer length, 1 to {@link #MAX_K}
     * @param canonical whether a k-mer and its reverse complement share one feature (use it when
     *                  the strand of the input is unknown, as for reads)
     */
    public KmerFeaturizer(int k, boolean canonical) {
        if (k < 1 || k > MAX_K) {
            throw new KmerLengthException(k, MAX_K);
        }
        this.k = k;
        this.canonical = canonical;
        this.mask = (1 << (2 * k)) - 1;
        this.canonicalKmers = canonical ? CanonicalKmers.of(k) : null;
        this.scratch = ThreadLocal.withInitial(() -> new int[dimension()]);
    }

    /**
     * The vector length for {@code k} without building a featurizer (a canonical one builds a
     * 4^k index), e.g. to check memory first.
     *
     * @param k         k-mer length, at least 1
     * @param canonical whether reverse complements share a feature
     * @return 4^k, or the number of canonical k-mers
     */
    public static long dimension(int k, boolean canonical) {
        long all = 1L << (2 * k);
        if (!canonical) {
            return all;
        }
        return k % 2 == 1 ? all / 2 : (all + (1L << k)) / 2;
    }

    /** @return a featurizer for 6-mers, strand-specific */
    public static KmerFeaturizer defaults() {
        return new KmerFeaturizer(DEFAULT_K, false);
    }

    /** @return k-mer length */
    public int k() {
        return k;
    }

    /** @return whether reverse complements share a feature */
    public boolean canonical() {
        return canonical;
    }

    /** @return length of every vector this featurizer produces */
    public int dimension() {
        return canonical ? canonicalKmers.dimension() : mask + 1;
    }

    /**
     * @param sequence nucleotides; anything but ACGTU (either case) is ambiguous
     * @return a new frequency vector of length {@link #dimension()}
     */
    public float[] featurize(CharSequence sequence) {
        float[] vector = new float[dimension()];
        featurize(sequence, vector);
        return vector;
    }

    /**
     * Overwrites {@code vector} with the frequencies of {@code sequence}; lets a caller reuse one
     * vector per thread when it consumes vectors one at a time.
     *
     * @param sequence nucleotides
     * @param vector   output of length {@link #dimension()}
     */
    public void featurize(CharSequence sequence, float[] vector) {
        if (vector.length != dimension()) {
            throw new IllegalArgumentException("vector length " + vector.length + " != dimension " + dimension());
        }
        boolean reuse = vector.length <= SCRATCH_LIMIT;
        int[] counts = reuse ? scratch.get() : new int[vector.length];
        int total = countBases(bytesOf(sequence), counts);
        // One pass converts, normalises and leaves the scratch zeroed for the next call.
        float scale = total == 0 ? 0f : 1f / total;
        for (int i = 0; i < counts.length; i++) {
            vector[i] = counts[i] * scale;
            counts[i] = 0;
        }
    }

    /**
     * @param sequence nucleotides
     * @return whether it has at least one countable k-mer: k unambiguous bases in a row
     */
    public boolean hasKmer(CharSequence sequence) {
        int run = 0;
        for (int i = 0; i < sequence.length(); i++) {
            char c = sequence.charAt(i);
            run = c < 256 && CODES[c] >= 0 ? run + 1 : 0;
            if (run >= k) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the k-mer counts of {@code sequence} to {@code counts}.
     *
     * @param sequence nucleotides
     * @param counts   accumulator of length {@link #dimension()}
     * @return number of valid k-mers counted
     */
    public long count(CharSequence sequence, int[] counts) {
        if (counts.length != dimension()) {
            throw new IllegalArgumentException("counts length " + counts.length + " != dimension " + dimension());
        }
        return countBases(bytesOf(sequence), counts);
    }

    /**
     * A byte array makes the hot loop a plain array scan; String.charAt kept a coder check and
     * bounds check in the loop and measured 2x slower. ISO-8859-1 maps any non-Latin-1 character
     * to '?', which is ambiguous, so nothing is silently misread.
     */
    private static byte[] bytesOf(CharSequence sequence) {
        return sequence.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private int countBases(byte[] bases, int[] counts) {
        return canonical ? countCanonical(bases, counts) : countForward(bases, counts);
    }

    /**
     * The hot loop. The rolling code is masked only where it is used, so the loop-carried chain is
     * a shift and an or; int counts are cheaper to increment than float ones.
     */
    private int countForward(byte[] bases, int[] counts) {
        int mask = this.mask;
        int k = this.k;
        int code = 0;
        int run = 0;
        int total = 0;
        for (byte b : bases) {
            int base = CODES[b & 0xff];
            if (base < 0) {
                run = 0;
                continue;
            }
            code = (code << 2) | base;
            if (++run >= k) {
                counts[code & mask]++;
                total++;
            }
        }
        return total;
    }

    /** Canonical counts: the smaller of the rolling code and its rolling reverse complement. */
    private int countCanonical(byte[] bases, int[] counts) {
        int[] index = canonicalKmers.index();
        int mask = this.mask;
        int k = this.k;
        int shift = 2 * (k - 1);
        int fwd = 0;
        int rev = 0;
        int run = 0;
        int total = 0;
        for (byte b : bases) {
            int base = CODES[b & 0xff];
            if (base < 0) {
                run = 0;
                continue;
            }
            fwd = (fwd << 2) | base;
            rev = (rev >>> 2) | ((3 - base) << shift);
            if (++run >= k) {
                counts[index[Math.min(fwd & mask, rev)]]++;
                total++;
            }
        }
        return total;
    }

    /**
     * Featurizes many sequences in parallel on the common fork-join pool.
     *
     * @param sequences nucleotides
     * @return one vector per sequence, in input order
     */
    public float[][] featurizeAll(List<? extends CharSequence> sequences) {
        float[][] vectors = new float[sequences.size()][];
        IntStream.range(0, vectors.length).parallel().forEach(i -> vectors[i] = featurize(sequences.get(i)));
        return vectors;
    }

    /**
     * Featurizes many sequences in parallel on the given pool, to bound the threads a worker uses.
     *
     * @param sequences nucleotides
     * @param pool      pool whose workers do the work
     * @return one vector per sequence, in input order
     */
    public float[][] featurizeAll(List<? extends CharSequence> sequences, ForkJoinPool pool) {
        // A parallel stream started from inside a pool's task runs on that pool.
        return pool.submit(() -> featurizeAll(sequences)).join();
    }

    /**
     * @param records FASTA records
     * @return one vector per record's sequence, in input order, computed in parallel
     */
    public float[][] featurizeRecords(List<FastaRecord> records) {
        return featurizeAll(records.stream().map(FastaRecord::sequence).toList());
    }

    /**
     * @param index feature index, 0 to {@link #dimension()} - 1
     * @return the k-mer of that feature (the canonical one in canonical mode), e.g. for feature names
     */
    public String kmer(int index) {
        if (index < 0 || index >= dimension()) {
            throw new IndexOutOfBoundsException(index);
        }
        int code = canonical ? canonicalKmers.code(index) : index;
        char[] bases = new char[k];
        for (int i = k - 1; i >= 0; i--, code >>>= 2) {
            bases[i] = "ACGT".charAt(code & 3);
        }
        return new String(bases);
    }

    /**
     * @param kmer k bases of ACGTU, either case
     * @return its feature index (its canonical form's in canonical mode)
     */
    public int indexOf(CharSequence kmer) {
        if (kmer.length() != k) {
            throw new IllegalArgumentException("expected a " + k + "-mer, got '" + kmer + "'");
        }
        int code = 0;
        for (int i = 0; i < k; i++) {
            int c = kmer.charAt(i);
            int base = c < 256 ? CODES[c] : -1;
            if (base < 0) {
                throw new IllegalArgumentException("ambiguous base in '" + kmer + "'");
            }
            code = (code << 2) | base;
        }
        return canonical ? canonicalKmers.index()[code] : code;
    }
}
