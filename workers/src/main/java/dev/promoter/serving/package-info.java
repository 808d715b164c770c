/**
 * Online serving: registered versions loaded once per artifact digest and warmed before traffic
 * ({@link dev.promoter.serving.ServedModels}), their health ({@link dev.promoter.serving.ServingState}),
 * request validation, and the prediction log's background writer. The policy (routing, fallback,
 * error kinds) is {@link dev.promoter.service.ServingService}'s.
 */
package dev.promoter.serving;
