/**
 * Deployment checks: evaluating a registered version on held-out data (for champion/challenger)
 * and smoke-checking that a version loads from the artifact store and classifies.
 */
package dev.promoter.deploy;
