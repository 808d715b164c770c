/**
 * The web UI: server-rendered pages (Thymeleaf, plain forms, a few lines of script) for
 * reviewers, submitters and operators, on the same application services as the REST API and
 * the CLI. Sign-in is a form with a session cookie; every form carries a CSRF token; every
 * action is checked again by the services, whatever the page showed.
 */
package dev.promoter.ui;
