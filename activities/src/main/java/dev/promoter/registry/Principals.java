package dev.promoter.registry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Who holds which role: the read side of {@link Users}, which approval validation uses. Roles
 * are the four of {@link Roles}; users are added and changed through {@link Users}.
 */
public final class Principals {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
  private final Transactions tx;

  /** Principals in this database. */
  public Principals(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Sets each named principal's roles to exactly those given, adding missing ones as token-only
   * users; others are left alone. Unaudited: for test fixtures. Start-up no longer calls this
   * (roles are not granted by a process's environment); use {@link Users} for real changes.
   */
  public void seed(Map<String, Set<String>> rolesByName) {
    rolesByName.forEach((name, roles) -> {
      if (!NAME.matcher(name).matches()) {
        throw RegistryException.invalid("invalid principal name '" + name + "'");
      }
      Roles.validated(roles);
    });
    tx.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO principals (name, roles) VALUES (?, ?) "
          + "ON CONFLICT (name) DO UPDATE SET roles = EXCLUDED.roles, updated_at = now()")) {
        for (var e : rolesByName.entrySet()) {
          s.setString(1, e.getKey());
          s.setArray(2, c.createArrayOf("text", e.getValue().stream().sorted().toArray()));
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }

  /** Every principal's roles, by name. */
  public Map<String, List<String>> all() {
    return tx.readOnly(c -> {
      Map<String, List<String>> all = new TreeMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT name, roles FROM principals ORDER BY name");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          all.put(rs.getString(1), roles(rs.getArray(2)));
        }
      }
      return all;
    });
  }

  /** The principals holding a role, sorted. */
  public List<String> withRole(String role) {
    return all().entrySet().stream().filter(e -> e.getValue().contains(role))
        .map(Map.Entry::getKey).toList();
  }

  /** Whether a principal holds a role. */
  public boolean has(String name, String role) {
    return all().getOrDefault(name, List.of()).contains(role);
  }

  static List<String> roles(Array array) throws java.sql.SQLException {
    return List.copyOf(Arrays.asList((String[]) array.getArray()));
  }

  static void requireRole(Connection c, String name, String role) throws java.sql.SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM principals WHERE name = ? AND ? = ANY(roles)")) {
      s.setString(1, name);
      s.setString(2, role);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw RegistryException.conflict(name + " does not hold the '" + role + "' role");
        }
      }
    }
  }
}
