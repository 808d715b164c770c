package dev.promoter.cli;

import dev.promoter.bundle.ModelFormatException;
import dev.promoter.evaluation.TrainTestOverlapException;
import dev.promoter.client.PromoterClientException;
import dev.promoter.registry.RegistryException;
import dev.promoter.sequence.FastaFormatException;
import dev.promoter.training.DatasetException;
import java.nio.file.NoSuchFileException;
import dev.promoter.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./promoter}. */
@Command(name = "promoter", mixinStandardHelpOptions = true, version = "promoter 0.1.0",
    description = "Model lifecycles (train, register, approve, promote, roll back) on Temporal and Camunda.",
    subcommands = {DemoCommand.class, ServerCommand.class, ModelsCommand.class, PromoteCommand.class,
        RollbackCommand.class, AuditCommand.class, TrainCommand.class, ClassifyCommand.class,
        FeaturizeCommand.class, LifecycleCommand.class, DecisionCommands.Approve.class,
        DecisionCommands.Reject.class, ScheduleCommand.class, ConsensusCommand.class, RfCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 done, 1 failed, 2 bad input, 3 not found, 4 conflict with the "
        + "registry's state, 5 stack unavailable."})
public final class PromoterCli implements Runnable {
  static final int NOT_FOUND = 3;
  static final int CONFLICT = 4;
  static final int UNAVAILABLE = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new PromoterCli()).setExecutionExceptionHandler(PromoterCli::failed);
  }

  // One line on stderr that names the problem; the stack trace only with PROMOTER_DEBUG set.
  private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    Throwable cause = rootPromoterFailure(e);
    cmd.getErr().println("promoter: " + message(cause));
    if (System.getenv("PROMOTER_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    if (cause instanceof RegistryException r) {
      return switch (r.reason()) {
        case INVALID -> CommandLine.ExitCode.USAGE;
        case NOT_FOUND -> NOT_FOUND;
        case CONFLICT -> CONFLICT;
        case UNAVAILABLE -> UNAVAILABLE;
      };
    }
    if (cause instanceof StackException) {
      return UNAVAILABLE;
    }
    if (cause instanceof PromoterClientException c) {
      return switch (c.kind()) {
        case REFUSED -> CONFLICT;
        case NOT_FOUND -> NOT_FOUND;
        case UNAVAILABLE -> UNAVAILABLE;
      };
    }
    if (isBadInput(cause)) {
      return CommandLine.ExitCode.USAGE;
    }
    return CommandLine.ExitCode.SOFTWARE;
  }

  // Spring wraps bean-creation failures; the user needs the one underneath.
  private static Throwable rootPromoterFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RegistryException || t instanceof StackException
          || t instanceof PromoterClientException || isBadInput(t)) {
        return t;
      }
    }
    return e;
  }

  // Input the user can fix: malformed FASTA, a model or dataset that cannot be read, a missing file.
  private static boolean isBadInput(Throwable t) {
    return t instanceof FastaFormatException || t instanceof ModelFormatException
        || t instanceof DatasetException || t instanceof TrainTestOverlapException
        || t instanceof NoSuchFileException || t instanceof BadInputException
        || t instanceof dev.promoter.consensus.newick.NewickFormatException
        || t instanceof dev.promoter.consensus.TaxonSetMismatchException;
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
