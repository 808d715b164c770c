package dev.promoter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.LifecycleService;
import dev.promoter.service.ModelService;
import dev.promoter.service.ScheduleService;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * OpenID Connect access tokens signed by a key this test makes, its public half served as a JWK
 * set on a real local HTTP port: the issuer, signature, expiry and the roles claim all count, and
 * a user the token names is kept in step in the registry (here: recorded).
 */
@WebMvcTest
@ContextConfiguration(classes = OidcAccessTokenTest.App.class)
class OidcAccessTokenTest {
  private static final String ISSUER = "https://idp.example/realms/promoter";
  private static final RSAKey KEY = key("idp");
  private static final RSAKey OTHER = key("attacker");
  private static final HttpServer JWKS = jwks();
  private static final Map<String, Set<String>> SYNCED = new ConcurrentHashMap<>();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(ApiSlice.class)
  static class App {
    @Bean
    BearerTokens tokens() {
      return token -> Optional.empty();
    }

    @Bean
    OidcUsers oidcUsers() {
      return SYNCED::put;
    }
  }

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add("promoter.oidc.issuer", () -> ISSUER);
    registry.add("promoter.oidc.jwk-set-uri", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
  }

  @AfterAll
  static void stop() {
    JWKS.stop(0);
  }

  @Autowired MockMvc mvc;
  @MockitoBean LifecycleService lifecycles;
  @MockitoBean ApprovalService approvals;
  @MockitoBean ModelService models;
  @MockitoBean ScheduleService schedules;
  @MockitoBean dev.promoter.service.DriftService drift;
  @MockitoBean dev.promoter.service.UserService users;
  @MockitoBean dev.promoter.service.ServingService serving;

  @Test
  void tokensFromTheIssuerCountAndEverythingElseIs401() throws Exception {
    String carol = jwt(KEY, ISSUER, "carol", List.of("approver", "unrelated-idp-role"), 300);
    assertThat(status("GET", "/api/v1/models", carol)).isEqualTo(200);
    assertThat(SYNCED).containsEntry("carol", Set.of("approver"));
    assertThat(status("POST", "/api/v1/lifecycles/r/approve", carol)).isEqualTo(200);
    assertThat(status("POST", "/api/v1/lifecycles", carol)).isEqualTo(403);

    List<String> wrong = new ArrayList<>();
    for (String token : List.of(jwt(KEY, ISSUER, "carol", List.of("admin"), -60),
        jwt(KEY, "https://evil.example", "carol", List.of("admin"), 300),
        jwt(OTHER, ISSUER, "carol", List.of("admin"), 300), "not.a.jwt")) {
      int status = status("GET", "/api/v1/models", token);
      if (status != 401) {
        wrong.add(token + " -> " + status);
      }
    }
    assertThat(wrong).isEmpty();
  }

  private int status(String method, String path, String token) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.request(method, java.net.URI.create(path))
            .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
            .content(method.equals("GET") ? "" : "{\"reason\":\"ok\"}"))
        .andReturn().getResponse().getStatus();
  }

  private static String jwt(RSAKey key, String issuer, String user, List<String> roles, long expiresIn)
      throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("id-" + user)
        .claim("preferred_username", user).claim("roles", roles)
        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(expiresIn))).build();
    SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    signed.sign(new RSASSASigner(key));
    return signed.serialize();
  }

  private static RSAKey key(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer jwks() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext("/jwks", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
