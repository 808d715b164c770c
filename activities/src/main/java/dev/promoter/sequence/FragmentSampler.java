package dev.promoter.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Cuts seeded random windows out of records, to test classifiers on read-like input (amplicons,
 * short reads) rather than only on full-length genes.
 *
 * <p>Deterministic: the windows of a record depend only on the sampler's seed, bounds and the
 * record's id and length, not on its position in a list, so filtering or reordering a dataset
 * does not change the fragments of the records that remain. {@link Random} is used because its
 * algorithm is fixed by the Java specification, unlike {@code SplittableRandom}'s.
 *
 * <p>A fragment keeps the description (and so the {@code class=} label) of its record; its id is
 * {@code recordId/start-end}, 1-based and inclusive like a samtools region. Records shorter than
 * the minimum length yield no fragments, so every fragment respects the bounds.
 */
public final class FragmentSampler {

    /** Default shortest fragment, about a short-read pair's overlap. */
    public static final int DEFAULT_MIN_LENGTH = 150;
    /** Default longest fragment, about an amplicon. */
    public static final int DEFAULT_MAX_LENGTH = 500;

    private final int minLength;
    private final int maxLength;
    private final long seed;

    /**
     * @param minLength shortest fragment, at least 1
     * @param maxLength longest fragment, at least {@code minLength}
     * @param seed      seed of every random choice
     */
    public FragmentSampler(int minLength, int maxLength, long seed) {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need 1 <= minLength <= maxLength, got " + minLength + ".." + maxLength);
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.seed = seed;
    }

    /**
     * @param seed seed of every random choice
     * @return a sampler of 150-500 bp windows
     */
    public static FragmentSampler withDefaultLengths(long seed) {
        return new FragmentSampler(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, seed);
    }

    /**
     * @param record source record
     * @param count  number of windows to cut (they may overlap)
     * @return {@code count} windows, or none if the record is shorter than the minimum length
     */
    public List<FastaRecord> sample(FastaRecord record, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        int length = record.length();
        if (length < minLength) {
            return List.of();
        }
        Random random = new Random(mix(seed, record.id().hashCode(), length));
        int longest = Math.min(maxLength, length);
        List<FastaRecord> fragments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int fragmentLength = minLength + random.nextInt(longest - minLength + 1);
            int start = random.nextInt(length - fragmentLength + 1);
            int end = start + fragmentLength;
            String id = record.id() + "/" + (start + 1) + "-" + end;
            fragments.add(new FastaRecord(id, record.description(), record.sequence().substring(start, end)));
        }
        return fragments;
    }

    /**
     * @param records    source records, in order
     * @param perRecord  windows per record
     * @return the windows of every record, grouped by record in input order
     */
    public List<FastaRecord> sampleAll(List<FastaRecord> records, int perRecord) {
        return sampleAll(records.stream(), perRecord).toList();
    }

    /**
     * Lazy variant for streamed input ({@link FastaReader#stream(java.nio.file.Path)}).
     *
     * @param records   source records
     * @param perRecord windows per record
     * @return the windows of every record, grouped by record in encounter order
     */
    public Stream<FastaRecord> sampleAll(Stream<FastaRecord> records, int perRecord) {
        return records.flatMap(record -> sample(record, perRecord).stream());
    }

    /** SplitMix64 finaliser: spreads nearby ids and seeds over unrelated Random seeds. */
    private static long mix(long seed, int idHash, int length) {
        long z = seed + 0x9E3779B97F4A7C15L * (((long) idHash << 32) ^ length);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
