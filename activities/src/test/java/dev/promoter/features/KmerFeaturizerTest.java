package dev.promoter.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.promoter.sequence.FastaRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The featurizer against a naive reference that slices substrings, as the seed Python did. */
class KmerFeaturizerTest {

    /** Reference counts keyed by k-mer string: substring, upper-case, U to T, skip non-ACGT. */
    static Map<String, Integer> naiveCounts(String sequence, int k, boolean canonical) {
        Map<String, Integer> counts = new HashMap<>();
        String s = sequence.toUpperCase().replace('U', 'T');
        for (int i = 0; i + k <= s.length(); i++) {
            String kmer = s.substring(i, i + k);
            if (!kmer.chars().allMatch(c -> "ACGT".indexOf(c) >= 0)) {
                continue;
            }
            String key = canonical ? min(kmer, reverseComplement(kmer)) : kmer;
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    static String reverseComplement(String kmer) {
        StringBuilder sb = new StringBuilder(kmer.length());
        for (int i = kmer.length() - 1; i >= 0; i--) {
            sb.append(switch (kmer.charAt(i)) {
                case 'A' -> 'T';
                case 'C' -> 'G';
                case 'G' -> 'C';
                default -> 'A';
            });
        }
        return sb.toString();
    }

    static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Every k-mer of length k in lexicographic order: the documented layout, built independently. */
    static List<String> allKmers(int k) {
        List<String> kmers = new ArrayList<>(List.of(""));
        for (int i = 0; i < k; i++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : kmers) {
                for (char base : "ACGT".toCharArray()) {
                    longer.add(prefix + base);
                }
            }
            kmers = longer;
        }
        return kmers;
    }

    static String randomSequence(Random random, int length, String alphabet) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Compares a vector to the reference through the sparse map, which works for any k. */
    static void assertMatchesNaive(KmerFeaturizer featurizer, String sequence) {
        Map<String, Integer> expected = naiveCounts(sequence, featurizer.k(), featurizer.canonical());
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        float[] vector = featurizer.featurize(sequence);
        assertThat(vector).hasSize(featurizer.dimension());
        Map<String, Float> actual = new HashMap<>();
        for (int i = 0; i < vector.length; i++) {
            if (vector[i] != 0f) {
                actual.put(featurizer.kmer(i), vector[i]);
            }
        }
        assertThat(actual).hasSameSizeAs(expected);
        expected.forEach((kmer, count) ->
                assertThat(actual.get(kmer)).as(kmer).isCloseTo((float) count / total, within(1e-6f)));
        if (total > 0) {
            double sum = 0;
            for (float v : vector) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 12})
    void matchesNaiveOnRandomSequencesWithAmbiguityAndLowerCase(int k) {
        Random random = new Random(k);
        for (boolean canonical : new boolean[] {false, true}) {
            KmerFeaturizer featurizer = new KmerFeaturizer(k, canonical);
            // At k = 12 every vector is 16M entries; a few trials cover it without slowing the build.
            int trials = k >= 12 ? 2 : 8;
            for (int trial = 0; trial < trials; trial++) {
                int length = random.nextInt(3000);
                String alphabet = trial % 2 == 0 ? "ACGT" : "ACGTacgtNnRYuU-";
                assertMatchesNaive(featurizer, randomSequence(random, length, alphabet));
            }
        }
    }

    @Test
    void matchesNaiveOnRealLookingSequence() {
        // Start of E. coli 16S (rrsB), with an N run and a soft-masked stretch as in real references.
        String rrs = "AAATTGAAGAGTTTGATCATGGCTCAGATTGAACGCTGGCGGCAGGCCTAACACATGCAAGTCGAACGGTAACAGGAAGAAG"
                + "CTTGCTTCTTTGCTGACGAGTGGCGGACGGGTGAGTAATGTCTGGGAAACTGCCTGATGGAGGGGGATAACTACTGGAAACGGTAG"
                + "NNNNNNNNNNctaataccgcataacgtcgcaagaccaaagagggggaccttcgggcctcttgccatcggatgtgcccagatgg"
                + "GATTAGCTAGTAGGTGGGGTAACGGCTCACCTAGGCGACGATCCCTAGCTGGTCTGAGAGGATGACCAGCCACACTGGAACTGAG";
        for (int k : new int[] {1, 4, 6, 12}) {
            assertMatchesNaive(new KmerFeaturizer(k, false), rrs);
            assertMatchesNaive(new KmerFeaturizer(k, true), rrs);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void indexLayoutIsLexicographicAndCanonicalIsDenseSorted(int k) {
        List<String> all = allKmers(k);
        KmerFeaturizer plain = new KmerFeaturizer(k, false);
        assertThat(plain.dimension()).isEqualTo(all.size());
        IntStream.range(0, all.size()).forEach(i -> {
            assertThat(plain.kmer(i)).isEqualTo(all.get(i));
            assertThat(plain.indexOf(all.get(i))).isEqualTo(i);
        });
        List<String> canonicalKmers = all.stream().filter(s -> s.compareTo(reverseComplement(s)) <= 0).toList();
        KmerFeaturizer canonical = new KmerFeaturizer(k, true);
        assertThat(canonical.dimension()).isEqualTo(canonicalKmers.size());
        IntStream.range(0, canonicalKmers.size()).forEach(i -> assertThat(canonical.kmer(i)).isEqualTo(canonicalKmers.get(i)));
        all.forEach(s -> assertThat(canonical.indexOf(s)).isEqualTo(canonical.indexOf(reverseComplement(s))));
    }

    @Test
    void canonicalDimensions() {
        assertThat(new KmerFeaturizer(1, true).dimension()).isEqualTo(2);
        assertThat(new KmerFeaturizer(2, true).dimension()).isEqualTo(10);
        assertThat(new KmerFeaturizer(6, true).dimension()).isEqualTo(2080);
        assertThat(new KmerFeaturizer(12, true).dimension()).isEqualTo((16_777_216 + 4096) / 2);
    }

    @Test
    void dimensionWithoutAFeaturizerAgreesWithOne() {
        for (int k = 1; k <= 9; k++) {
            assertThat(KmerFeaturizer.dimension(k, false)).isEqualTo(new KmerFeaturizer(k, false).dimension());
            assertThat(KmerFeaturizer.dimension(k, true)).isEqualTo(new KmerFeaturizer(k, true).dimension());
        }
        assertThat(KmerFeaturizer.dimension(13, false)).isEqualTo(1L << 26);
    }

    @Test
    void kOutsideItsRangeIsAKmerLengthException() {
        for (int k : new int[] {-1, 0, KmerFeaturizer.MAX_K + 1}) {
            assertThatThrownBy(() -> new KmerFeaturizer(k, false)).isInstanceOf(KmerLengthException.class)
                    .hasMessage("k must be in 1.." + KmerFeaturizer.MAX_K + ", got " + k);
        }
    }

    @Test
    void shortOrFullyAmbiguousSequencesGiveZeroVector() {
        KmerFeaturizer featurizer = KmerFeaturizer.defaults();
        assertThat(featurizer.featurize("")).containsOnly(0f);
        assertThat(featurizer.featurize("ACGTA")).containsOnly(0f);
        assertThat(featurizer.featurize("ACGNACGTNACGTA")).containsOnly(0f);
        assertThat(featurizer.featurize("ACGTAC")[featurizer.indexOf("ACGTAC")]).isEqualTo(1f);
        for (String none : new String[] {"", "ACGTA", "ACGNACGTNACGTA", "NNNNNNNNNNNN"}) {
            assertThat(featurizer.hasKmer(none)).as(none).isFalse();
        }
        assertThat(featurizer.hasKmer("NNACGTACNN")).isTrue();
        assertThat(featurizer.hasKmer("acgtac")).isTrue();
    }

    @Test
    void strandsAgreeOnlyInCanonicalMode() {
        String forward = randomSequence(new Random(3), 500, "ACGT");
        String reverse = reverseComplement(forward);
        KmerFeaturizer canonical = new KmerFeaturizer(6, true);
        assertThat(canonical.featurize(reverse)).isEqualTo(canonical.featurize(forward));
        KmerFeaturizer plain = new KmerFeaturizer(6, false);
        assertThat(plain.featurize(reverse)).isNotEqualTo(plain.featurize(forward));
    }

    @Test
    void nonStringCharSequencesAndIntCountsAgree() {
        KmerFeaturizer featurizer = new KmerFeaturizer(5, true);
        String s = randomSequence(new Random(9), 2000, "ACGTN");
        assertThat(featurizer.featurize(new StringBuilder(s))).isEqualTo(featurizer.featurize(s));
        int[] counts = new int[featurizer.dimension()];
        long total = featurizer.count(s, counts);
        assertThat(total).isEqualTo(naiveCounts(s, 5, true).values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void parallelFeaturizationPreservesOrder() {
        Random random = new Random(11);
        List<FastaRecord> records = IntStream.range(0, 500)
                .mapToObj(i -> new FastaRecord("r" + i, "", randomSequence(random, 50 + random.nextInt(1500), "ACGTN")))
                .toList();
        KmerFeaturizer featurizer = KmerFeaturizer.defaults();
        float[][] parallel = featurizer.featurizeRecords(records);
        float[][] pooled;
        try (ForkJoinPool pool = new ForkJoinPool(3)) {
            pooled = featurizer.featurizeAll(records.stream().map(FastaRecord::sequence).toList(), pool);
        }
        for (int i = 0; i < records.size(); i++) {
            float[] sequential = featurizer.featurize(records.get(i).sequence());
            // isEqualTo compares arrays by content, without containsExactly's per-element diffing cost.
            assertThat(parallel[i]).isEqualTo(sequential);
            assertThat(pooled[i]).isEqualTo(sequential);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new KmerFeaturizer(0, false)).hasMessageContaining("1..12");
        assertThatThrownBy(() -> new KmerFeaturizer(13, false)).hasMessageContaining("1..12");
        KmerFeaturizer featurizer = KmerFeaturizer.defaults();
        assertThatThrownBy(() -> featurizer.featurize("ACGT", new float[3])).hasMessageContaining("dimension");
        assertThatThrownBy(() -> featurizer.indexOf("ACGTNA")).hasMessageContaining("ambiguous");
    }
}
