package dev.promoter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the user-facing docker/ files are checked for what can drift:
 * every variable the compose file sets is one the application reads, and the image copies what
 * the build makes.
 */
class DockerFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void composeSetsOnlyVariablesTheApplicationReads() throws IOException {
    Set<String> read = readVariables();
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    for (String worker : List.of("api", "cpu-worker", "gpu-worker")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> env = (Map<String, Object>) services.get(worker).get("environment");
      assertThat(env.keySet()).as(worker).isSubsetOf(read);
      assertThat(services.get(worker).get("command")).asList().startsWith("server", "--pools");
    }
  }

  @Test
  void theImageCopiesTheJarTheBuildMakes() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    assertThat(dockerfile).contains("COPY workers/target/promoter.jar");
    assertThat(Files.readString(ROOT.resolve("workers/pom.xml"))).contains("<finalName>promoter</finalName>");
  }

  // ${VAR:default} placeholders in application.yml, plus what the GPU pool reads directly
  private static Set<String> readVariables() throws IOException {
    String yml = Files.readString(ROOT.resolve("workers/src/main/resources/application.yml"));
    Matcher m = Pattern.compile("\\$\\{([A-Z_]+):").matcher(yml);
    Set<String> vars = m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    vars.add("PROMOTER_MAX_GPUS");
    return vars;
  }
}
