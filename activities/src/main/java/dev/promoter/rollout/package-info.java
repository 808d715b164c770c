/**
 * Rollouts as Temporal activities: traffic splits written to the registry and the gates' figures
 * read from the prediction log, for the lifecycle's deployment strategies.
 */
package dev.promoter.rollout;
