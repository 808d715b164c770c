package dev.promoter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./promoter}. */
@Command(name = "promoter", mixinStandardHelpOptions = true, version = "promoter 0.1.0",
    scope = CommandLine.ScopeType.INHERIT, // --help on every subcommand too (--version: see withoutVersionFlags)
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
    } else {
      for (String name : SUBCOMMANDS) {
        cli.addSubcommand(name, subcommand(name));
      }
    }
    cli.getSubcommands().values().forEach(PromoterCli::withoutVersionFlags);
    return cli;
  }

  /**
   * Takes the inherited {@code -V/--version} off a subcommand and its own subcommands: there
   * {@code --version} reads as a model version, and picocli's version flag won over everything
   * else ({@code promote NAME --version 1} printed "promoter 0.1.0" and exited 0, promoting
   * nothing). On a subcommand it is now an unknown option, exit 2; {@code promoter --version} stays.
   */
  private static void withoutVersionFlags(CommandLine command) {
    CommandLine.Model.CommandSpec spec = command.getCommandSpec();
    CommandLine.Model.OptionSpec flag = spec.findOption("--version");
    if (flag != null && flag.versionHelp()) {
      spec.remove(flag);
    }
    command.getSubcommands().values().forEach(PromoterCli::withoutVersionFlags);
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

  // One line on stderr that names the problem: CliFailures, shared with PlainMain's fast path.
  private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    return CliFailures.report(e, cmd.getErr());
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
}
