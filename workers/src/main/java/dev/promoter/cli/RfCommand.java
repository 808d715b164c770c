package dev.promoter.cli;

import dev.promoter.consensus.RfNormalization;
import dev.promoter.consensus.TreeConsensus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code promoter rf}: all-pairs Robinson-Foulds distances (no server). */
@Command(name = "rf", description = "All-pairs Robinson-Foulds distances of the trees in a file, as a TSV matrix.")
final class RfCommand implements Callable<Integer>, PlainCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "trees, Newick")
  Path input;

  @Option(names = "--normalize", defaultValue = "NONE",
      description = "NONE (raw count, as phangorn RF.dist), BINARY_MAXIMUM (divide by 2(n-3)) or TOTAL_SPLITS (default: ${DEFAULT-VALUE})")
  RfNormalization normalize;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  @Override
  public int run(PrintWriter stdout, PrintWriter stderr) throws Exception {
    stdout.print(new TreeConsensus().rfTsv(input, normalize));
    stdout.flush();
    return 0;
  }
}
