package dev.promoter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The dev stack's {@code NAME=VALUE} files ({@code dev-tokens}, {@code dev-passwords}), as tests read them. */
public final class DevFiles {
  private DevFiles() {}

  /** Every {@code NAME=VALUE} line; comments skipped. */
  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return values;
  }
}
