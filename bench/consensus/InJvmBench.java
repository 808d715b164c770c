import dev.promoter.consensus.ConsensusMethod;
import dev.promoter.consensus.ConsensusOptions;
import dev.promoter.consensus.TreeConsensus;
import java.nio.file.Path;

/** In-JVM timing: java -cp activities/target/classes InJvmBench.java FILE METHOD|rf REPEATS */
public class InJvmBench {
  public static void main(String[] a) {
    Path in = Path.of(a[0]);
    int reps = Integer.parseInt(a[2]);
    TreeConsensus tc = new TreeConsensus();
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      int sink;
      if (a[1].equals("rf")) {
        sink = tc.rfMatrix(in, Runtime.getRuntime().availableProcessors()).size();
      } else {
        sink = tc.consensusNewick(in, ConsensusOptions.of(ConsensusMethod.valueOf(a[1].toUpperCase()))).length();
      }
      System.out.printf("run %d: %.3f s (%d)%n", r + 1, (System.nanoTime() - t0) / 1e9, sink);
    }
  }
}
