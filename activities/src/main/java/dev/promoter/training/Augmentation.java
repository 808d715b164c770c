package dev.promoter.training;

import dev.promoter.sequence.FragmentSampler;
import java.util.List;
import java.util.Random;

/**
 * Random read-like windows added to the training set. A model that sees only full-length genes
 * calls amplicons and reads non-rRNA (DATA.md), so the default adds fragments.
 *
 * <p>Shuffled negatives: a base-shuffled copy of an rRNA example keeps its length and base
 * composition but loses every rRNA motif, so labelled {@value #NON_RRNA} it teaches the model that
 * composition alone is not evidence of rRNA. Without them the committed data's non-rRNA training
 * windows are all AT-rich (median GC 0.39: Leptospira, Staphylococcus, Helicobacter, Plasmodium),
 * and a linear model learned "GC-rich means rRNA": it called 25 of the 82 GC-rich held-out genome
 * windows (Klebsiella, E. coli, Mycobacterium) 28S.
 *
 * @param fragmentsPerRecord windows cut from each training record (0: none); records shorter
 *                           than {@code minLength} yield none and stay only as themselves
 * @param minLength          shortest window
 * @param maxLength          longest window
 * @param shuffledFraction   fraction of the rRNA examples (records and their windows) whose
 *                           shuffled copy is added as {@value #NON_RRNA}; 0 adds none, and none are
 *                           added where the training labels have no {@value #NON_RRNA} class
 */
public record Augmentation(int fragmentsPerRecord, int minLength, int maxLength, double shuffledFraction) {

    /** The label of shuffled negatives. */
    public static final String NON_RRNA = "non-rRNA";

    /** Default fraction of rRNA examples shuffled into negatives: enough to cover every composition. */
    public static final double DEFAULT_SHUFFLED_FRACTION = 1.0 / 3;

    /** No fragments: full-length records only. */
    public static final Augmentation NONE = new Augmentation(0, FragmentSampler.DEFAULT_MIN_LENGTH,
            FragmentSampler.DEFAULT_MAX_LENGTH, 0);

    /** Validates the bounds. */
    public Augmentation {
        if (fragmentsPerRecord < 0 || minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need fragmentsPerRecord >= 0 and 1 <= minLength <= maxLength");
        }
        if (!(shuffledFraction >= 0 && shuffledFraction <= 1)) {
            throw new IllegalArgumentException("need 0 <= shuffledFraction <= 1, got " + shuffledFraction);
        }
    }

    /** Windows only, no shuffled negatives. */
    public Augmentation(int fragmentsPerRecord, int minLength, int maxLength) {
        this(fragmentsPerRecord, minLength, maxLength, 0);
    }

    /**
     * @param fragmentsPerRecord windows per record
     * @return the default: 150-500 bp windows plus {@link #DEFAULT_SHUFFLED_FRACTION} shuffled negatives
     */
    public static Augmentation defaults(int fragmentsPerRecord) {
        return reads(fragmentsPerRecord).withShuffledFraction(DEFAULT_SHUFFLED_FRACTION);
    }

    /** @return a copy with another number of windows per record */
    public Augmentation withFragmentsPerRecord(int newFragmentsPerRecord) {
        return new Augmentation(newFragmentsPerRecord, minLength, maxLength, shuffledFraction);
    }

    /** @return a copy with another fraction of shuffled negatives */
    public Augmentation withShuffledFraction(double newShuffledFraction) {
        return new Augmentation(fragmentsPerRecord, minLength, maxLength, newShuffledFraction);
    }

    /**
     * @param fragmentsPerRecord windows per record
     * @return 150-500 bp windows, the length range of amplicons and merged read pairs; no shuffled negatives
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

    /**
     * Appends the shuffled negatives of the given examples to them.
     *
     * @param sequences nucleotides, appended to
     * @param labels    one label per sequence, appended to
     * @param seed      seed of the choice of examples and of the shuffles
     */
    public void addShuffledNegatives(List<String> sequences, List<String> labels, long seed) {
        if (shuffledFraction == 0 || !labels.contains(NON_RRNA)) {
            return;
        }
        Random random = new Random(seed);
        int n = sequences.size();
        for (int i = 0; i < n; i++) {
            if (!labels.get(i).equals(NON_RRNA) && random.nextDouble() < shuffledFraction) {
                char[] bases = sequences.get(i).toCharArray();
                for (int j = bases.length - 1; j > 0; j--) {
                    int other = random.nextInt(j + 1);
                    char swap = bases[j];
                    bases[j] = bases[other];
                    bases[other] = swap;
                }
                sequences.add(new String(bases));
                labels.add(NON_RRNA);
            }
        }
    }
}
