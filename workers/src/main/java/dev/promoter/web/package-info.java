/**
 * The REST API: thin controllers over the application services, Spring Security for who is
 * calling (API tokens, OpenID Connect access tokens), RFC 9457 problem documents for errors.
 */
package dev.promoter.web;
