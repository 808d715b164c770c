package dev.promoter.bpmn;

import dev.promoter.training.RrnaLabels;

import dev.promoter.sequence.FastaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small synthetic stand-in for the rRNA dataset: each class is a random "consensus" of the class's
 * typical length with its own base composition, and records are copies with 5% substitutions.
 * Separable by k-mer profile, as the real classes are, and fast to train on.
 */
public final class SyntheticRrna {

    /** Typical lengths, shortened for the long classes to keep tests fast. */
    private static final int[] LENGTHS = {120, 160, 1000, 1100, 1200, 1300, 900, 800};

    private SyntheticRrna() {
    }

    /**
     * @param perClass records per class
     * @param seed     seed of consensus and mutations; the same seed gives the same consensus
     * @param copySeed seed of the mutations only, so train and test differ but share classes
     * @return labelled records, classes interleaved
     */
    public static List<FastaRecord> records(int perClass, long seed, long copySeed) {
        Random consensusRandom = new Random(seed);
        List<String> consensus = new ArrayList<>();
        for (int c = 0; c < RrnaLabels.ALL.size(); c++) {
            consensus.add(randomSequence(consensusRandom, LENGTHS[c], c));
        }
        Random random = new Random(copySeed);
        List<FastaRecord> records = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < consensus.size(); c++) {
                String label = RrnaLabels.ALL.get(c);
                records.add(new FastaRecord("s" + copySeed + "_" + c + "_" + i, "class=" + label + " source=synthetic",
                        mutate(consensus.get(c), random)));
            }
        }
        return records;
    }

    /** Class-dependent base bias so that compositions differ, as GC content does between real classes. */
    private static String randomSequence(Random random, int length, int bias) {
        String skew = "ACGT".substring(bias % 4, bias % 4 + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(5) == 0 ? skew.charAt(0) : "ACGT".charAt(random.nextInt(4)));
        }
        return s.toString();
    }

    private static String mutate(String consensus, Random random) {
        char[] bases = consensus.toCharArray();
        for (int i = 0; i < bases.length; i++) {
            if (random.nextInt(20) == 0) {
                bases[i] = "ACGT".charAt(random.nextInt(4));
            }
        }
        return new String(bases);
    }
}
