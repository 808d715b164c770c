package dev.promoter.ui;

import dev.promoter.registry.Roles;
import dev.promoter.service.Actor;
import dev.promoter.service.ApprovalService;
import dev.promoter.service.ServiceException;
import dev.promoter.web.Actors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows around its content: who is signed in, what their roles let them do
 * (the page hides what they may not; the services refuse it anyway) and the inbox count.
 */
@ControllerAdvice(basePackageClasses = UiModel.class)
class UiModel {
  private final ApprovalService approvals;

  UiModel(ApprovalService approvals) {
    this.approvals = approvals;
  }

  /** The signed-in user and what their roles allow, for the navigation bar and the buttons. */
  record Me(String name, boolean submitter, boolean approver, boolean admin) {
    static Me of(Actor actor) {
      return new Me(actor.name(), actor.has(Roles.SUBMITTER), actor.has(Roles.APPROVER),
          actor.has(Roles.ADMIN));
    }
  }

  @ModelAttribute("me")
  Me me(Authentication who) {
    return signedIn(who) ? Me.of(Actors.of(who)) : null;
  }

  @ModelAttribute("pendingCount")
  Integer pendingCount(Authentication who) {
    if (!signedIn(who)) {
      return null;
    }
    try {
      return approvals.list("PENDING", null).size();
    } catch (ServiceException e) {
      return null; // the registry is down: the page itself says so
    }
  }

  /** A service's refusal on a page that has no form to show it on: a page saying what happened. */
  @org.springframework.web.bind.annotation.ExceptionHandler(ServiceException.class)
  org.springframework.web.servlet.ModelAndView problem(ServiceException e, Authentication who) {
    org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView("problem");
    page.setStatus(org.springframework.http.HttpStatusCode.valueOf(e.kind().httpStatus()));
    page.addObject("problem", e.getMessage());
    page.addObject("status", e.kind().httpStatus());
    page.addObject("me", me(who));
    page.addObject("pendingCount", pendingCount(who));
    return page;
  }

  static boolean signedIn(Authentication who) {
    return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
  }
}
