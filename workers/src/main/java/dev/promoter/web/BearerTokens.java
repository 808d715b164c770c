package dev.promoter.web;

import dev.promoter.service.Actor;
import java.util.Optional;

/** Checks a Promoter API token; empty when it is unknown, expired or revoked. */
public interface BearerTokens {
  /** The principal a token belongs to, with its roles. */
  Optional<Actor> authenticate(String token);
}
