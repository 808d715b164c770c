package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Output}'s two ways in: text through its writer, or UTF-8 bytes for a file it renames. */
class OutputTest {
  @TempDir Path dir;

  @Test
  void aFileTakesUtf8BytesAndHoldsExactlyWhatTheWriterWouldHaveWritten() throws IOException {
    String text = "r1\tbacteria-16S\t0.9876\nrécord-ß\tnon-rRNA\t0.0000\n";
    Path viaWriter = dir.resolve("writer.tsv");
    try (Output out = Output.open(viaWriter, (PrintWriter) null)) {
      out.writer().write(text);
      out.commit();
    }
    Path viaBytes = dir.resolve("bytes.tsv");
    try (Output out = Output.open(viaBytes, (PrintWriter) null)) {
      assertThat(out.takesUtf8()).isTrue();
      out.writeUtf8(text.substring(0, 10).getBytes(StandardCharsets.UTF_8));
      out.writeUtf8(text.substring(10).getBytes(StandardCharsets.UTF_8));
      assertThat(viaBytes).as("nothing at the target before commit").doesNotExist();
      out.commit();
    }
    assertThat(Files.readAllBytes(viaBytes)).isEqualTo(Files.readAllBytes(viaWriter))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    try (var left = Files.list(dir)) {
      assertThat(left).as("no temporary file left").hasSize(2);
    }
  }

  @Test
  void bytesNotCommittedLeaveNoFile() throws IOException {
    Path target = dir.resolve("never.tsv");
    try (Output out = Output.open(target, (PrintWriter) null)) {
      out.writeUtf8("r1\tx\t1.0000\n".getBytes(StandardCharsets.UTF_8));
    }
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void standardOutputAndAPipeTakeTextOnly() throws Exception {
    try (Output out = Output.open(null, new PrintWriter(new StringWriter()))) {
      assertThat(out.takesUtf8()).isFalse();
    }
    Path pipe = dir.resolve("labels.pipe");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    // opening a pipe for writing waits for a reader
    var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(pipe);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (Output out = Output.open(pipe, (PrintWriter) null)) {
      assertThat(out.takesUtf8()).isFalse();
      out.writer().write("through the pipe\n");
      out.commit();
    }
    assertThat(reader.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("through the pipe\n");
  }
}
