package dev.promoter.gpu;

import dev.promoter.sequence.FastaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small seeded data that a CNN can learn in seconds: each class is a random 600 bp template, each
 * record a mutated (8 % substitutions), randomly trimmed copy of its class's template.
 */
public final class SyntheticRrna {

  /** The classes used: a subset of the project's labels. */
  public static final List<String> CLASSES = List.of("16S", "18S", "23S", "non-rRNA");

  private static final char[] BASES = {'A', 'C', 'G', 'T'};

  private SyntheticRrna() {}

  /**
   * @param perClass records per class
   * @param seed     seed of the mutations and trims (templates are fixed)
   * @param idPrefix keeps ids of different sets apart
   * @return labelled records, classes interleaved
   */
  public static List<FastaRecord> records(int perClass, long seed, String idPrefix) {
    Random templates = new Random(7);
    List<String> templateOf = CLASSES.stream().map(c -> random(templates, 600)).toList();
    Random random = new Random(seed);
    List<FastaRecord> out = new ArrayList<>();
    for (int i = 0; i < perClass; i++) {
      for (int c = 0; c < CLASSES.size(); c++) {
        char[] bases = templateOf.get(c).toCharArray();
        for (int p = 0; p < bases.length; p++) {
          if (random.nextDouble() < 0.08) {
            bases[p] = BASES[random.nextInt(4)];
          }
        }
        int start = random.nextInt(60);
        int end = bases.length - random.nextInt(60);
        out.add(new FastaRecord(idPrefix + c + "_" + i, "class=" + CLASSES.get(c),
            new String(bases, start, end - start)));
      }
    }
    return out;
  }

  private static String random(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(BASES[random.nextInt(4)]);
    }
    return s.toString();
  }
}
