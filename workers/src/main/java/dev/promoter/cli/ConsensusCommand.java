package dev.promoter.cli;

import dev.promoter.consensus.ConsensusMethod;
import dev.promoter.consensus.ConsensusOptions;
import dev.promoter.consensus.SupportFormat;
import dev.promoter.consensus.TreeConsensus;
import dev.promoter.consensus.Weights;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code promoter consensus}: one consensus tree from many (no server). */
@Command(name = "consensus", description = "Consensus of many phylogenetic trees (Newick), printed as one Newick line with support labels.")
final class ConsensusCommand implements Callable<Integer>, PlainCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--method", defaultValue = "majority", description = "strict, majority, extended or weighted (default: ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "trees, one or more per file, Newick")
  Path input;

  @Option(names = "--threshold", defaultValue = "0.5", description = "keep splits in more than this share of trees (default: ${DEFAULT-VALUE})")
  double threshold;

  @Option(names = "--keep-at-threshold", description = "also keep splits in exactly the threshold share (DendroPy, phyutility)")
  boolean keepAtThreshold;

  @Option(names = "--weights", paramLabel = "FILE", description = "one weight per tree, for --method weighted")
  Path weights;

  @Option(names = "--percent", description = "support as percentages instead of proportions")
  boolean percent;

  @Option(names = "--lengths", description = "write each kept split's mean branch length")
  boolean lengths;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  @Override
  public int run(PrintWriter stdout, PrintWriter stderr) throws Exception {
    ConsensusMethod m = ConsensusMethod.parse(method);
    if (m == ConsensusMethod.WEIGHTED && weights == null) {
      throw new BadInputException("--method weighted needs --weights FILE");
    }
    ConsensusOptions options = (weights != null ? ConsensusOptions.weighted(Weights.read(weights))
        : ConsensusOptions.of(m));
    options = options.withThreshold(threshold, keepAtThreshold)
        .withSupport(percent ? SupportFormat.PERCENT : SupportFormat.PROPORTION)
        .withMeanBranchLengths(lengths);
    stdout.println(new TreeConsensus().consensusNewick(input, options));
    return 0;
  }
}
