package dev.promoter.worker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code promoter.workers.*}.
 *
 * @param cpuQueue the CPU pool's task queue
 * @param gpuQueue the GPU pool's task queue
 * @param pools which pools this process runs: {@code cpu}, {@code gpu}, or both
 * @param dataRoot the folder dataset references resolve against
 * @param principals roles by user, {@code name=role,role;name=role}: in dev mode only, the users
 *     an empty registry starts with; never re-granted once users exist, ignored in production
 */
@ConfigurationProperties(prefix = "promoter.workers")
public record WorkerProperties(String cpuQueue, String gpuQueue, Set<String> pools, String dataRoot,
    String principals) {

  /**
   * The data root, absolute, resolved against the working directory (bound as a string: Spring's
   * Path conversion would resolve "." against a web server's docbase).
   */
  public Path dataRootPath() {
    return Path.of(dataRoot == null || dataRoot.isBlank() ? "." : dataRoot).toAbsolutePath().normalize();
  }

  /** The pool-to-queue map a lifecycle request carries. */
  public Map<String, String> taskQueues() {
    return Map.of("cpu", cpuQueue, "gpu", gpuQueue);
  }

  /** Parses {@link #principals()}; refuses a malformed entry by quoting it. */
  public Map<String, Set<String>> principalRoles() {
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    if (principals == null || principals.isBlank()) {
      return roles;
    }
    for (String entry : principals.split(";")) {
      String[] parts = entry.strip().split("=", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException("PROMOTER_PRINCIPALS entry '" + entry
            + "' is not name=role[,role]");
      }
      Set<String> set = new TreeSet<>();
      for (String role : parts[1].split(",")) {
        set.add(role.strip());
      }
      roles.put(parts[0].strip(), set);
    }
    return roles;
  }
}
