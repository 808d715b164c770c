package dev.promoter.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in form (Spring Security processes its POST) and the page of a refused request. */
@Controller
class SignInPages {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** Where Spring Security sends a request the user's roles do not allow, or one without CSRF token. */
  @RequestMapping("/forbidden")
  String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "forbidden";
  }
}
