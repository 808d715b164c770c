package dev.promoter.experiment;

import dev.promoter.training.RrnaDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a workflow's dataset reference (a folder, relative to a base folder) and keeps each
 * loaded dataset, keyed by folder and digest, so parallel candidates parse the FASTA once.
 */
public final class DatasetResolver {
  private final Path base;
  private final Map<String, RrnaDataset> loaded = new ConcurrentHashMap<>();

  /** References resolve against {@code base}. */
  public DatasetResolver(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  // a changed file (size or modification time) makes a new key, so edits are picked up
  private static String stamp(Path dir) throws IOException {
    StringBuilder key = new StringBuilder(dir.toString());
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        key.append('|').append(f.getFileName()).append(':').append(Files.size(f)).append(':')
            .append(Files.getLastModifiedTime(f).toMillis());
      }
    }
    return key.toString();
  }

  /** The dataset, or {@link IllegalArgumentException} naming the missing or bad folder. */
  public RrnaDataset load(String reference) {
    Path dir = base.resolve(reference).normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("dataset '" + reference + "' not found (looked in " + dir + ")");
    }
    try {
      return loaded.computeIfAbsent(stamp(dir), key -> {
        try {
          return RrnaDataset.load(dir);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read dataset " + dir, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dataset " + dir, e);
    }
  }
}
