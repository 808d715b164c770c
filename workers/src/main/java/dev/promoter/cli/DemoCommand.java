package dev.promoter.cli;

import dev.promoter.artifact.ArtifactStore;
import dev.promoter.artifact.StoredArtifact;
import dev.promoter.registry.AliasMove;
import dev.promoter.registry.AuditEntry;
import dev.promoter.registry.Lineage;
import dev.promoter.registry.ModelRegistry;
import dev.promoter.registry.NewVersion;
import dev.promoter.stack.TemporalConnection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code promoter demo}: the main job on the embedded default. Starts the stack, makes sure the
 * registry exists, stores an artifact, registers it as a new version and promotes it to
 * production, printing each step.
 */
@Command(name = "demo", description = "Run the main job on the embedded stack and print what it did.")
final class DemoCommand implements Runnable {
  static final String MODEL = "rrna-classifier";
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--as", defaultValue = "demo", paramLabel = "USER", description = "who acts (default: ${DEFAULT-VALUE})")
  String actor;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    try (StackSession stack = StackSession.open()) {
      out.println("1. stack");
      TemporalConnection temporal = stack.get(TemporalConnection.class);
      out.println("   Temporal  " + temporal.address() + " answered its health check");
      ModelRegistry registry = stack.get(ModelRegistry.class);
      int before = registry.models().stream().filter(m -> m.name().equals(MODEL))
          .mapToInt(m -> m.latestVersion()).findFirst().orElse(0);
      out.println("   registry  migrated; " + MODEL + " has " + before + " version(s) from earlier runs");
      out.flush();

      out.println("2. artifact");
      StoredArtifact artifact = storeModelCard(stack.get(ArtifactStore.class));
      out.println("   stored " + artifact.size() + " bytes at " + artifact.uri());

      out.println("3. register");
      String key = "demo-" + UUID.randomUUID();
      int version = registry.register(new NewVersion(MODEL, key, artifact.uri().toString(),
          artifact.sha256(), "model-card", Map.of(), Map.of("source", "promoter demo"), null,
          new Lineage(null, "0.1.0", key), actor));
      int again = registry.register(new NewVersion(MODEL, key, artifact.uri().toString(),
          artifact.sha256(), "model-card", Map.of(), Map.of("source", "promoter demo"), null,
          new Lineage(null, "0.1.0", key), actor));
      out.println("   registered " + MODEL + " v" + version + " (idempotency key " + key
          + "; registering again returned v" + again + ")");

      out.println("4. promote");
      AliasMove move = registry.promote(MODEL, version, "production", actor, "promoter demo");
      out.println("   " + AliasMoves.describe(move, "promoted"));

      out.println("5. audit (last entries)");
      List<AuditEntry> audit = registry.audit(MODEL);
      audit.subList(Math.max(0, audit.size() - 3), audit.size())
          .forEach(e -> out.println("   " + AuditCommand.format(e)));
      out.println("done: " + MODEL + "@production is v" + move.toVersion());
    }
  }

  // Until the training issue lands, the demo's artifact is a small model card, not a model.
  private StoredArtifact storeModelCard(ArtifactStore store) {
    String card = "{\"model\":\"" + MODEL + "\",\"kind\":\"model-card\",\"created\":\""
        + Instant.now() + "\",\"by\":\"" + actor.replace("\"", "") + "\"}\n";
    try {
      return store.put(new ByteArrayInputStream(card.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot store the demo artifact", e);
    }
  }
}
