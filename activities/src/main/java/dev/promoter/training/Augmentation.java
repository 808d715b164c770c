package dev.promoter.training;

import dev.promoter.sequence.FragmentSampler;

/**
 * Random read-like windows added to the training set. A model that sees only full-length genes
 * calls amplicons and reads non-rRNA (DATA.md), so the default adds fragments.
 *
 * @param fragmentsPerRecord windows cut from each training record (0: none); records shorter
 *                           than {@code minLength} yield none and stay only as themselves
 * @param minLength          shortest window
 * @param maxLength          longest window
 */
public record Augmentation(int fragmentsPerRecord, int minLength, int maxLength) {

    /** No fragments: full-length records only. */
    public static final Augmentation NONE = new Augmentation(0, FragmentSampler.DEFAULT_MIN_LENGTH,
            FragmentSampler.DEFAULT_MAX_LENGTH);

    /** Validates the bounds. */
    public Augmentation {
        if (fragmentsPerRecord < 0 || minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need fragmentsPerRecord >= 0 and 1 <= minLength <= maxLength");
        }
    }

    /**
     * @param fragmentsPerRecord windows per record
     * @return 150-500 bp windows, the length range of amplicons and merged read pairs
     */
    public static Augmentation reads(int fragmentsPerRecord) {
        return new Augmentation(fragmentsPerRecord, FragmentSampler.DEFAULT_MIN_LENGTH,
                FragmentSampler.DEFAULT_MAX_LENGTH);
    }

    /**
     * @param seed seed of the windows
     * @return the sampler that cuts them
     */
    public FragmentSampler sampler(long seed) {
        return new FragmentSampler(minLength, maxLength, seed);
    }
}
