/**
 * The model registry on Postgres: models, versions, aliases, approvals, lifecycle runs and the
 * append-only audit log. Every change is one transaction that also appends its audit row; alias
 * moves lock the model row, so concurrent promotions and rollbacks of one model serialise.
 */
package dev.promoter.registry;
