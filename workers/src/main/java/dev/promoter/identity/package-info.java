/**
 * Who may act: users, passwords and API tokens over the registry's {@code Users} and
 * {@code ApiTokens}, with bcrypt for passwords. Front doors (CLI, REST, UI) call
 * {@link dev.promoter.identity.IdentityService} and decide nothing themselves.
 */
package dev.promoter.identity;
