package dev.promoter.features;

/**
 * Dense numbering of canonical k-mers: {@code index[code]} gives the feature of any k-mer code
 * (its own or its reverse complement's), {@code codes[feature]} the canonical code back.
 * Built once per k and JVM; at k = 12 the index is 64 MiB, which is why k stops there.
 */
record CanonicalKmers(int[] index, int[] codes) {

    /** One table per k for the whole JVM: never mutated after construction, and costly at k = 12. */
    private static final CanonicalKmers[] BY_K = new CanonicalKmers[KmerFeaturizer.MAX_K + 1];

    static synchronized CanonicalKmers of(int k) {
        if (BY_K[k] == null) {
            BY_K[k] = build(k);
        }
        return BY_K[k];
    }

    private static CanonicalKmers build(int k) {
        int size = 1 << (2 * k);
        int[] index = new int[size];
        int[] codes = new int[canonicalCount(k)];
        int next = 0;
        for (int code = 0; code < size; code++) {
            int rc = reverseComplement(code, k);
            if (code <= rc) {
                // Writing the partner's slot now, instead of reading it back later, keeps the
                // scattered accesses stores: at k = 12 dependent loads made this 10x slower.
                codes[next] = code;
                index[code] = next;
                index[rc] = next++;
            }
        }
        return new CanonicalKmers(index, codes);
    }

    int dimension() {
        return codes.length;
    }

    int code(int feature) {
        return codes[feature];
    }

    /** Pairs plus palindromes; only even k has palindromes (4^(k/2) of them). */
    static int canonicalCount(int k) {
        int all = 1 << (2 * k);
        return k % 2 == 1 ? all / 2 : (all + (1 << k)) / 2;
    }

    /** Complement is 3 - code, i.e. flipping both bits; reversal must keep each 2-bit base intact. */
    static int reverseComplement(int code, int k) {
        int reversed = Integer.reverse(code);
        int basesSwapped = ((reversed >>> 1) & 0x55555555) | ((reversed & 0x55555555) << 1);
        return ~(basesSwapped >>> (32 - 2 * k)) & ((1 << (2 * k)) - 1);
    }
}
