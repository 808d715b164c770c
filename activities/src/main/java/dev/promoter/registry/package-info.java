/**
 * The model registry on Postgres: models, versions, aliases, approvals, lifecycle runs and the
 * append-only audit log; and who may act on them: users with their roles ({@link
 * dev.promoter.registry.Users}), API tokens ({@link dev.promoter.registry.ApiTokens}) and the
 * append-only security audit. Every change is one transaction that also appends its audit row;
 * alias moves lock the model row, so concurrent promotions and rollbacks of one model serialise.
 */
package dev.promoter.registry;
