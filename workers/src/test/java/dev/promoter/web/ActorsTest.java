package dev.promoter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promoter.registry.Roles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class ActorsTest {
  /** The predict door's shortcut answers what hasRole(viewer) reads, for every set of roles. */
  @Test
  void mayReadIsTheViewerAuthorityForEveryRoleSet() {
    List<String> candidates = new ArrayList<>(Roles.ALL);
    candidates.addAll(List.of("auditor", "ROLE_viewer", "Viewer", ""));
    SimpleGrantedAuthority viewer = new SimpleGrantedAuthority("ROLE_" + Roles.VIEWER);
    for (int mask = 0; mask < 1 << candidates.size(); mask++) {
      List<String> roles = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        if ((mask & 1 << i) != 0) {
          roles.add(candidates.get(i));
        }
      }
      assertEquals(Actors.authorities(roles).contains(viewer), Actors.mayRead(roles), roles.toString());
    }
  }
}
