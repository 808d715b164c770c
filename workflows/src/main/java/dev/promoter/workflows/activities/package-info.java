/**
 * Activity interfaces: the only way workflow code touches the world. Each method says what makes
 * it idempotent, because Temporal runs an activity at least once.
 */
package dev.promoter.workflows.activities;
