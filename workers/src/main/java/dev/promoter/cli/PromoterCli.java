package dev.promoter.cli;

import dev.promoter.bundle.ModelFormatException;
import dev.promoter.evaluation.TrainTestOverlapException;
import dev.promoter.client.PromoterClientException;
import dev.promoter.registry.RegistryException;
import dev.promoter.sequence.FastaFormatException;
import dev.promoter.training.DatasetException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import dev.promoter.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./promoter}. */
@Command(name = "promoter", mixinStandardHelpOptions = true, version = "promoter 0.1.0",
    scope = CommandLine.ScopeType.INHERIT, // --help and --version on every subcommand too
    description = "Model lifecycles (train, register, approve, promote, roll back) on Temporal and Camunda.",
    footer = {"", "Exit codes: 0 done, 1 failed, 2 bad input, 3 not found, 4 conflict with the "
        + "registry's state or not allowed (role, four eyes), 5 stack unavailable."})
public final class PromoterCli implements Runnable {
  static final int NOT_FOUND = 3;
  static final int CONFLICT = 4;
  static final int UNAVAILABLE = 5;

  /** In the order {@code --help} lists them. */
  private static final String[] SUBCOMMANDS = {"demo", "server", "models", "promote", "rollback",
      "audit", "train", "classify", "featurize", "lifecycle", "approve", "reject", "schedule",
      "drift", "consensus", "rf", "users", "token", "help"};

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
    return commandLine(args).execute(args);
  }

  /** The whole command tree, every subcommand built. */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command tree needed for {@code args}. Building a picocli model reflects over every
   * option of every command, a third of a short command's start-up on a cold JVM, so when the
   * first argument names a subcommand only that one is built; help, versions and typos get all.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new PromoterCli()).setExecutionExceptionHandler(PromoterCli::failed)
        .setParameterExceptionHandler(PromoterCli::badOptions);
    Object only = args.length > 0 && !args[0].equals("help") ? subcommand(args[0]) : null;
    if (only != null) {
      cli.addSubcommand(args[0], only);
      return cli;
    }
    for (String name : SUBCOMMANDS) {
      cli.addSubcommand(name, subcommand(name));
    }
    return cli;
  }

  // A switch, not a map of lambdas: each lambda would cost a bootstrap on a cold start.
  private static Object subcommand(String name) {
    return switch (name) {
      case "demo" -> new DemoCommand();
      case "server" -> new ServerCommand();
      case "models" -> new ModelsCommand();
      case "promote" -> new PromoteCommand();
      case "rollback" -> new RollbackCommand();
      case "audit" -> new AuditCommand();
      case "train" -> new TrainCommand();
      case "classify" -> new ClassifyCommand();
      case "featurize" -> new FeaturizeCommand();
      case "lifecycle" -> new LifecycleCommand();
      case "approve" -> new DecisionCommands.Approve();
      case "reject" -> new DecisionCommands.Reject();
      case "schedule" -> new ScheduleCommand();
      case "drift" -> new DriftCommand();
      case "consensus" -> new ConsensusCommand();
      case "rf" -> new RfCommand();
      case "users" -> new UsersCommand();
      case "token" -> new TokenCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> null;
    };
  }

  // One line on stderr that names the problem; the stack trace only with PROMOTER_DEBUG set.
  // Service failures carry their kind; the mapping to exit codes lives in ErrorKind, once.
  private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    Throwable cause = rootPromoterFailure(e);
    if (cause instanceof RuntimeException r && !isBadInput(cause)) {
      cause = dev.promoter.service.Failures.translate(r);
    }
    cmd.getErr().println("promoter: " + message(cause));
    if (System.getenv("PROMOTER_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    if (cause instanceof dev.promoter.service.ServiceException s) {
      return s.kind().exitCode();
    }
    if (isBadInput(cause)) {
      return CommandLine.ExitCode.USAGE;
    }
    return CommandLine.ExitCode.SOFTWARE;
  }

  // A wrong option is bad input like any other: one line naming it, and where to read more,
  // instead of the whole usage block (`promoter help COMMAND` still prints that).
  private static int badOptions(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("promoter: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr())) {
      cmd.getErr().println("see: " + cmd.getCommandSpec().qualifiedName().replaceFirst("^promoter",
          "./promoter") + " --help");
    }
    return CommandLine.ExitCode.USAGE;
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
