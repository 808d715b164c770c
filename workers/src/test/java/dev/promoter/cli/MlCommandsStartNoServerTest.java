package dev.promoter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, classify and featurize must not start Spring or any server: checked by class loading. */
class MlCommandsStartNoServerTest {

  @Test
  void trainAndClassifyLoadNoSpringTemporalOrPostgresClass(@TempDir Path dir) throws Exception {
    Path data = SyntheticFasta.dataset(dir.resolve("data"));
    Path model = dir.resolve("model");
    assertNoServer(run("train", "--data", data.toString(), "--out", model.toString(), "--k", "3"));
    assertNoServer(run("classify", "--model", model.toString(), "--fasta", data.resolve("test.fasta").toString()));
    assertNoServer(run("featurize", "--fasta", data.resolve("test.fasta").toString(), "--k", "2",
        "--out", dir.resolve("f.tsv").toString()));
  }

  private static String run(String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-cp",
        System.getProperty("java.class.path"), PromoterCli.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output.lines().filter(l -> !l.startsWith("[")).toList().toString()).isZero();
    return output;
  }

  private static void assertNoServer(String output) {
    assertThat(output).contains("java.lang.Object ");
    assertThat(output.lines().filter(l -> l.contains("org.springframework.")
        || l.contains("io.temporal.") || l.contains("io.zonky.") || l.contains("org.postgresql.")))
        .isEmpty();
  }
}
