package dev.promoter.cli;

import dev.promoter.evaluation.ConfusionCells;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.ModelSummary;
import dev.promoter.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code promoter models list|show NAME}. */
@Command(name = "models", description = "List registered models or show one.",
    subcommands = {ModelsCommand.ListModels.class, ModelsCommand.ShowModel.class})
final class ModelsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", description = "Every model, its latest version and its aliases.")
  static final class ListModels implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (StackSession stack = StackSession.open()) {
        List<ModelSummary> models = stack.get(ModelRegistry.class).models();
        if (models.isEmpty()) {
          out.println("no models registered yet (try: promoter demo)");
          return;
        }
        out.printf("%-32s %7s  %s%n", "MODEL", "LATEST", "ALIASES");
        for (ModelSummary m : models) {
          out.printf("%-32s %7d  %s%n", m.name(), m.latestVersion(), m.aliases().entrySet().stream()
              .map(e -> e.getKey() + "=v" + e.getValue()).collect(Collectors.joining(" ")));
        }
      }
    }
  }

  @Command(name = "show", description = "A model's versions with status, aliases, metrics and lineage.")
  static final class ShowModel implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the model")
    String name;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (StackSession stack = StackSession.open()) {
        List<ModelVersion> versions = stack.get(ModelRegistry.class).versions(name);
        out.println("model " + name + ": " + versions.size() + " version(s)");
        for (ModelVersion v : versions) {
          out.printf("  v%-4d %-10s %-22s %s by %s%n", v.version(), v.status(),
              v.aliases().isEmpty() ? "-" : String.join(",", v.aliases()), v.createdAt(), v.createdBy());
          out.printf("        artifact %s (sha256:%s, %s)%n", v.artifactUri(), v.artifactSha256(), v.framework());
          if (!v.metrics().isEmpty()) {
            // the confusion cells are for the approval page's heatmaps, not a terminal line
            out.println("        metrics  " + new TreeMap<>(v.metrics()).entrySet().stream()
                .filter(e -> !e.getKey().contains(ConfusionCells.PREFIX))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}")));
          }
          if (!v.params().isEmpty()) {
            out.println("        params   " + v.params());
          }
          if (v.lineage().parentRun() != null || v.lineage().datasetDigest() != null) {
            out.printf("        lineage  run=%s dataset=%s code=%s%n", v.lineage().parentRun(),
                v.lineage().datasetDigest(), v.lineage().codeVersion());
          }
        }
      }
    }
  }
}
