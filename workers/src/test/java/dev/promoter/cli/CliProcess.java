package dev.promoter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code promoter} as its own JVM, as {@code ./promoter} does, keeping standard output and
 * standard error apart: what a library logs and how much heap there is are the process's, which
 * an in-process {@link CliRun} cannot show.
 */
record CliProcess(int exitCode, String out, String err) {

  static CliProcess run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), PromoterCli.class.getName()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile("promoter-err", ".txt");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("promoter did not finish: " + args[0]);
      }
      return new CliProcess(p.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
