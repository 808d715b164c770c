package dev.promoter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** A command's table output: a file when {@code --out} is given, else the command line's stdout. */
final class Output implements AutoCloseable {
  private final PrintWriter writer;
  private final boolean owned;

  private Output(PrintWriter writer, boolean owned) {
    this.writer = writer;
    this.owned = owned;
  }

  static Output open(Path file, CommandLine.Model.CommandSpec spec) throws IOException {
    if (file == null) {
      return new Output(spec.commandLine().getOut(), false);
    }
    return new Output(new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)), true);
  }

  PrintWriter writer() {
    return writer;
  }

  @Override
  public void close() {
    writer.flush();
    if (owned) {
      writer.close();
    }
  }
}
