package dev.promoter.web;

import dev.promoter.registry.Roles;
import dev.promoter.service.Actor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Between Spring Security's authorities and our {@link Actor}: {@code ROLE_x} is role x. */
public final class Actors {
  private static final String PREFIX = "ROLE_";

  private Actors() {}

  /** Authorities for roles; every role also reads, so each implies {@code viewer}. */
  public static List<GrantedAuthority> authorities(Collection<String> roles) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    roles.stream().filter(Roles.ALL::contains).distinct()
        .forEach(r -> authorities.add(new SimpleGrantedAuthority(PREFIX + r)));
    if (!authorities.isEmpty() && !roles.contains(Roles.VIEWER)) {
      authorities.add(new SimpleGrantedAuthority(PREFIX + Roles.VIEWER));
    }
    return authorities;
  }

  /**
   * Whether {@link #authorities} of these roles would hold {@code ROLE_viewer}, without building
   * them: any valid role implies it. The predict door asks this per request.
   */
  public static boolean mayRead(Collection<String> roles) {
    for (String role : roles) {
      if (Roles.ALL.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** The actor behind an authenticated request. */
  public static Actor of(Authentication authentication) {
    Set<String> roles = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(PREFIX))
        .map(a -> a.substring(PREFIX.length())).collect(Collectors.toSet());
    return new Actor(authentication.getName(), roles);
  }
}
