package dev.promoter.cli;

import dev.promoter.bundle.ModelFormatException;
import dev.promoter.client.PromoterClientException;
import dev.promoter.evaluation.TrainTestOverlapException;
import dev.promoter.registry.RegistryException;
import dev.promoter.sequence.FastaFormatException;
import dev.promoter.stack.StackException;
import dev.promoter.training.DatasetException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * How a failed command is reported: one line on standard error naming the problem, and its exit
 * code. Free of picocli, so that {@link PlainMain} reports exactly as {@link PromoterCli} does
 * without loading it.
 */
final class CliFailures {
  /** picocli's CommandLine.ExitCode values. */
  static final int USAGE = 2;
  static final int SOFTWARE = 1;

  private CliFailures() {
  }

  // One line on stderr that names the problem; the stack trace only with PROMOTER_DEBUG set.
  // Service failures carry their kind; the mapping to exit codes lives in ErrorKind, once.
  static int report(Exception e, PrintWriter err) {
    Throwable cause = rootPromoterFailure(e);
    if (cause instanceof RuntimeException r && !isBadInput(cause)) {
      cause = dev.promoter.service.Failures.translate(r);
    }
    err.println("promoter: " + message(cause));
    if (System.getenv("PROMOTER_DEBUG") != null) {
      e.printStackTrace(err);
    }
    if (cause instanceof dev.promoter.service.ServiceException s) {
      return s.kind().exitCode();
    }
    if (isBadInput(cause)) {
      return USAGE;
    }
    return SOFTWARE;
  }

  // Spring wraps bean-creation failures; the user needs the one underneath.
  private static Throwable rootPromoterFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RegistryException || t instanceof StackException
          || t instanceof PromoterClientException || t instanceof dev.promoter.service.ServiceException
          || t instanceof dev.promoter.workflows.approval.ApprovalRefusedException || isBadInput(t)) {
        return t;
      }
    }
    return e;
  }

  // Input the user can fix: malformed FASTA or Newick, a model or dataset that cannot be read, a
  // path that is missing or of the wrong kind (FileSystemException: a directory given as a file),
  // bad consensus weights or options, an unsupported k.
  private static boolean isBadInput(Throwable t) {
    return t instanceof FastaFormatException || t instanceof ModelFormatException
        || t instanceof DatasetException || t instanceof TrainTestOverlapException
        || t instanceof FileSystemException || t instanceof BadInputException
        || t instanceof dev.promoter.consensus.newick.NewickFormatException
        || t instanceof dev.promoter.consensus.TaxonSetMismatchException
        || t instanceof dev.promoter.consensus.ConsensusInputException
        || t instanceof dev.promoter.features.KmerLengthException;
  }

  private static String message(Throwable cause) {
    if (cause instanceof FastaFormatException f) {
      String prefix = f.source() + ":" + f.line() + ": ";
      String reason = f.getMessage().startsWith(prefix) ? f.getMessage().substring(prefix.length()) : f.getMessage();
      return f.source() + " line " + f.line() + ": " + reason;
    }
    if (cause instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file";
    }
    return cause.getMessage();
  }
}
