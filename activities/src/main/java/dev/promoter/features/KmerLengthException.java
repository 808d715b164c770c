package dev.promoter.features;

/** A k-mer length outside what a featurizer or trainer supports; front doors map it to bad input. */
public final class KmerLengthException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param k   the length asked for
     * @param max the largest supported
     */
    public KmerLengthException(int k, int max) {
        super("k must be in 1.." + max + ", got " + k);
    }
}
