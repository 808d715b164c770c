package dev.promoter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
  @SuppressWarnings("unchecked")
  void servicesStartInOrderAndPrometheusAndGrafanaPointAtWhatExists() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    assertThat(services).containsKeys("postgres", "temporal", "temporal-ui", "camunda", "minio", "api",
        "cpu-worker", "gpu-worker", "prometheus", "grafana");
    for (var service : services.entrySet()) {
      Object depends = service.getValue().get("depends_on");
      java.util.Collection<String> names = depends instanceof Map<?, ?> m ? (java.util.Collection<String>) m.keySet()
          : depends == null ? List.of() : (List<String>) depends;
      assertThat(services.keySet()).as(service.getKey() + " depends on").containsAll(names);
    }
    assertThat(services.get("api").get("command")).asList().containsExactly("server", "--pools", "none");
    Map<String, Object> apiEnv = (Map<String, Object>) services.get("api").get("environment");
    assertThat(apiEnv.get("PROMOTER_ARTIFACTS").toString()).startsWith("s3://");

    Map<String, Object> prometheus = new Yaml().load(Files.readString(ROOT.resolve("docker/prometheus.yml")));
    Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).getFirst();
    assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
    List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("dns_sd_configs")).getFirst().get("names");
    for (String target : targets) {
      assertThat(services.get(target)).as("scraped service " + target).isNotNull().containsKey("build");
    }

    Set<String> meters = meterNames();
    JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(ROOT.resolve("docker/grafana/dashboards/promoter-serving.json").toFile());
    Matcher metric = Pattern.compile("\\b(promoter_[a-z_]+|http_server_requests_seconds)").matcher(dashboard.toString());
    int seen = 0;
    while (metric.find()) {
      seen++;
      String name = metric.group(1).replaceAll("_(total|count|sum|max|seconds)$", "").replaceAll("_seconds$", "");
      assertThat(name.equals("http_server_requests") || meters.contains(name.replace('_', '.')))
          .as("dashboard metric " + metric.group(1) + " is exported by the application").isTrue();
    }
    assertThat(seen).isGreaterThanOrEqualTo(5);
  }

  // meter names registered in the application's sources (Micrometer: dots become underscores)
  private static Set<String> meterNames() throws IOException {
    Set<String> names = new java.util.HashSet<>();
    try (var files = Files.walk(ROOT.resolve("workers/src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = Pattern.compile("(?:Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\\s*\"(promoter\\.[a-z.]+)\"")
            .matcher(Files.readString(file));
        m.results().forEach(r -> names.add(r.group(1)));
      }
    }
    return names;
  }

  @Test
  void theImageCopiesTheJarTheBuildMakes() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
    assertThat(dockerfile).contains("COPY workers/target/promoter.jar");
    assertThat(dockerfile).contains("USER promoter").contains("chown -R promoter:promoter /srv/promoter/state");
    // the build context keeps exactly what the image copies
    List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore"));
    assertThat(ignore).contains("**", "!workers/target/promoter.jar", "!data/rrna/*.fasta.gz");
    assertThat(Files.readString(ROOT.resolve("workers/pom.xml"))).contains("<finalName>promoter</finalName>");
  }

  // ${VAR:default} placeholders in application.yml, plus what the GPU pool reads directly
  private static Set<String> readVariables() throws IOException {
    String yml = Files.readString(ROOT.resolve("workers/src/main/resources/application.yml"));
    Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):").matcher(yml);
    Set<String> vars = m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    vars.add("PROMOTER_MAX_GPUS");
    // the AWS SDK's default credentials chain reads these for the S3 artifact store
    vars.add("AWS_ACCESS_KEY_ID");
    vars.add("AWS_SECRET_ACCESS_KEY");
    return vars;
  }
}
