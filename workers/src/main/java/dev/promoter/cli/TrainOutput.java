package dev.promoter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code train --out}, checked before any training: a run of minutes must not end in "cannot
 * write", and the CNN path replaces the folder it is given, which must never be one with other
 * files in it.
 */
final class TrainOutput {
  private TrainOutput() {}

  /**
   * @param out the model directory to write: absent, or an empty folder, under a writable folder
   * @throws BadInputException naming what is in the way
   */
  static void check(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new BadInputException(out + ": folder exists and is not empty; --out needs a new or empty folder "
              + "(remove the old model first to replace it)");
        }
      }
      requireWritable(out, out);
      return;
    }
    if (Files.exists(out)) {
      throw new BadInputException(out + ": is a file; --out names the model folder to write");
    }
    Path parent = out.toAbsolutePath().getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null) {
      return; // nothing of the path exists, not even a root: let the write say why
    }
    if (!Files.isDirectory(parent)) {
      throw new BadInputException(out + ": cannot create it, " + parent + " is a file");
    }
    requireWritable(out, parent);
  }

  private static void requireWritable(Path out, Path folder) {
    if (!Files.isWritable(folder)) {
      throw new BadInputException(out + ": cannot write in " + folder + " (permission denied)");
    }
  }
}
