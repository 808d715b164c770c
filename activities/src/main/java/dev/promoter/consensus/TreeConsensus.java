package dev.promoter.consensus;

import dev.promoter.consensus.newick.NewickWriter;
import dev.promoter.consensus.newick.PhyloTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point for consensus trees, conflict reports and Robinson-Foulds distances over a set
 * of trees on one taxon set. Stateless and thread-safe; each call reads its input once.
 */
public final class TreeConsensus {

  /** @return the consensus of the Newick trees in {@code input} */
  public ConsensusResult consensus(Path input, ConsensusOptions options) {
    return result(counts(input, options, false), options);
  }

  /** @return the consensus of the Newick trees read from {@code input}; the caller closes it */
  public ConsensusResult consensus(Reader input, ConsensusOptions options) {
    return result(new SplitCounter(options.threads()).count(input, options.weights(), false), options);
  }

  /** @return the consensus of trees already parsed */
  public ConsensusResult consensus(List<PhyloTree> trees, ConsensusOptions options) {
    return result(new SplitCounter(1).countTrees(trees, options.weights(), false), options);
  }

  /** @return the consensus tree of {@code input} as one Newick line (what the CLI prints) */
  public String consensusNewick(Path input, ConsensusOptions options) {
    return consensus(input, options).newick();
  }

  /**
   * @param maxPerSplit how many conflicting splits to list per consensus split
   * @return each consensus split with its support and the most frequent input splits that are
   *     incompatible with it
   */
  public List<SplitConflict> conflicts(Path input, ConsensusOptions options, int maxPerSplit) {
    SplitCounts c = counts(input, options, false);
    return ConflictAnalyzer.conflicts(c, SplitSelector.select(c, options), maxPerSplit);
  }

  /** @return conflicts as {@link #conflicts(Path, ConsensusOptions, int)}, for parsed trees */
  public List<SplitConflict> conflicts(List<PhyloTree> trees, ConsensusOptions options, int maxPerSplit) {
    SplitCounts c = new SplitCounter(1).countTrees(trees, options.weights(), false);
    return ConflictAnalyzer.conflicts(c, SplitSelector.select(c, options), maxPerSplit);
  }

  /** @return all-pairs RF distances of the trees in {@code input}, using {@code threads} */
  public RfMatrix rfMatrix(Path input, int threads) {
    try (Reader r = open(input)) {
      return RobinsonFoulds.allPairs(new SplitCounter(threads).count(r, null, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException e) {
      throw notText(input, e);
    }
  }

  /** @return all-pairs RF distances of trees already parsed */
  public RfMatrix rfMatrix(List<PhyloTree> trees) {
    return RobinsonFoulds.allPairs(new SplitCounter(1).countTrees(trees, null, true));
  }

  /** @return the RF matrix of {@code input} as TSV (what the CLI prints) */
  public String rfTsv(Path input, RfNormalization norm) {
    return rfMatrix(input, Runtime.getRuntime().availableProcessors()).toTsv(norm);
  }

  /** @return the raw RF distance (symmetric difference of non-trivial splits) of two trees */
  public int rf(PhyloTree a, PhyloTree b) {
    return RobinsonFoulds.distance(a, b);
  }

  private SplitCounts counts(Path input, ConsensusOptions o, boolean keep) {
    try (Reader r = open(input)) {
      return new SplitCounter(o.threads()).count(r, o.weights(), keep);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException e) {
      throw notText(input, e);
    }
  }

  private static Reader open(Path input) {
    // Linux opens a directory for reading and fails only at the first read, with a bare "Is a directory"
    if (Files.isDirectory(input)) {
      throw new ConsensusInputException(input + ": is a directory, not a Newick file");
    }
    try {
      return new BufferedReader(Files.newBufferedReader(input, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Bytes that are not UTF-8 surface as a decoding failure in the middle of reading.
  private static RuntimeException notText(Path input, UncheckedIOException e) {
    if (e.getCause() instanceof CharacterCodingException) {
      return new ConsensusInputException(input + ": not a Newick text file (bytes that are not UTF-8)", e);
    }
    return e;
  }

  private static ConsensusResult result(SplitCounts c, ConsensusOptions o) {
    int[] kept = SplitSelector.select(c, o);
    PhyloTree tree = ConsensusTreeBuilder.build(c, kept, o);
    List<SplitSupport> splits = Arrays.stream(kept).mapToObj(id -> ConflictAnalyzer.support(c, id)).toList();
    return new ConsensusResult(NewickWriter.write(tree), tree, splits, c.treeCount(), c.taxa().size());
  }
}
