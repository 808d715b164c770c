package dev.promoter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Writes a tiny labelled dataset folder: one random consensus per class, 5%-mutated copies. */
public final class SyntheticFasta {
  static final List<String> LABELS = List.of("5S", "5.8S", "16S", "18S", "23S", "28S", "mt-SSU", "non-rRNA");
  private static final int[] LENGTHS = {120, 160, 700, 750, 800, 850, 650, 600};

  private SyntheticFasta() {
  }

  public static Path dataset(Path dir) throws IOException {
    Random random = new Random(7);
    String[] consensus = new String[LABELS.size()];
    for (int c = 0; c < consensus.length; c++) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < LENGTHS[c]; i++) {
        s.append(random.nextInt(5) == 0 ? "ACGT".charAt(c % 4) : "ACGT".charAt(random.nextInt(4)));
      }
      consensus[c] = s.toString();
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("train.fasta"), copies(consensus, 8, "tr", new Random(1)));
    Files.writeString(dir.resolve("test.fasta"), copies(consensus, 3, "te", new Random(2)));
    return dir;
  }

  private static String copies(String[] consensus, int perClass, String prefix, Random random) {
    StringBuilder fasta = new StringBuilder();
    for (int i = 0; i < perClass; i++) {
      for (int c = 0; c < consensus.length; c++) {
        char[] bases = consensus[c].toCharArray();
        for (int j = 0; j < bases.length; j++) {
          if (random.nextInt(20) == 0) {
            bases[j] = "ACGT".charAt(random.nextInt(4));
          }
        }
        fasta.append('>').append(prefix).append(c).append('_').append(i).append(" class=").append(LABELS.get(c))
            .append(" source=synthetic\n").append(bases).append('\n');
      }
    }
    return fasta.toString();
  }
}
