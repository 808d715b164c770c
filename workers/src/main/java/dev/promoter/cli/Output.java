package dev.promoter.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine;

/**
 * A command's table output: a file when {@code --out} is given, else the command line's stdout.
 *
 * <p>A file is written to a temporary file in the same folder and renamed over {@code --out} by
 * {@link #commit()}; closing without a commit (the command failed) deletes the temporary file,
 * so a failed run leaves neither a partial table nor a damaged earlier one. A target that exists
 * and is not a regular file ({@code /dev/null}, a named pipe) is written in place: renaming over
 * it would replace the device with a file (as root, {@code /dev/null} itself), and a pipe keeps
 * no partial table anyway.
 */
final class Output implements AutoCloseable {
  private final PrintWriter writer;
  private final Path target;
  private final Path temp;
  /** The bytes under {@link #writer}, UTF-8, when this opened a file to rename; else null. */
  private final OutputStream bytes;
  /** Whether writing {@link #bytes} directly failed (PrintWriter keeps its failures the same way). */
  private boolean bytesFailed;
  private boolean committed;

  private Output(PrintWriter writer, Path target, Path temp) {
    this(writer, target, temp, null);
  }

  private Output(PrintWriter writer, Path target, Path temp, OutputStream bytes) {
    this.writer = writer;
    this.target = target;
    this.temp = temp;
    this.bytes = bytes;
  }

  static Output open(Path file, CommandLine.Model.CommandSpec spec) throws IOException {
    return file == null ? new Output(spec.commandLine().getOut(), null, null) : open(file, (PrintWriter) null);
  }

  /**
   * @param file   the file to write, or null for {@code stdout}
   * @param stdout standard output, used when {@code file} is null
   */
  static Output open(Path file, PrintWriter stdout) throws IOException {
    if (file == null) {
      return new Output(stdout, null, null);
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory; --out names the file to write");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      return new Output(new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.WRITE)), file, null);
    }
    Path folder = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(folder)) {
      throw new BadInputException(file + ": folder " + folder + " does not exist");
    }
    // not Files.createTempFile: its owner-only permissions would end up on the finished file
    Path temp = folder.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
        + Long.toHexString(System.nanoTime()) + ".part");
    OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), 1 << 16);
    // what Files.newBufferedWriter builds (a fresh encoder: malformed input is reported), over
    // bytes this also hands out (writeUtf8)
    return new Output(new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream,
        StandardCharsets.UTF_8.newEncoder()))), file, temp, stream);
  }

  /**
   * Whether {@link #writeUtf8} may be used: the output is a file this opened, whose bytes are
   * UTF-8. A caller uses either it or {@link #writer()} for the whole output, never both.
   */
  boolean takesUtf8() {
    return bytes != null;
  }

  /**
   * Writes text already encoded as UTF-8 (by the caller's threads, in parallel: the writer's
   * encoding was a twentieth of {@code classify}'s samples, all on one thread). A failure is kept
   * for {@link #commit()}, as the writer keeps its own.
   */
  void writeUtf8(byte[] utf8) {
    if (!bytesFailed) {
      try {
        bytes.write(utf8);
      } catch (IOException e) {
        bytesFailed = true;
      }
    }
  }

  PrintWriter writer() {
    return writer;
  }

  /** Everything is written: move the file into place (a no-op for standard output). */
  void commit() throws IOException {
    if (temp == null) {
      writer.flush();
      if (target != null && writer.checkError()) {
        throw new IOException("cannot write " + target);
      }
      return;
    }
    if (writer.checkError() | bytesFailed) { // flushes; PrintWriter keeps write failures to itself until asked
      throw new IOException("cannot write " + target + " (disk full?)");
    }
    writer.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() {
    writer.flush();
    if (temp == null) {
      if (target != null) {
        writer.close(); // a device or pipe we opened; standard output stays open
      }
      return;
    }
    writer.close();
    if (!committed) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + temp, e);
      }
    }
  }
}
