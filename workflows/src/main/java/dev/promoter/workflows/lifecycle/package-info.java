/**
 * The model lifecycle for one model: experiment (train candidates in parallel on their pools),
 * champion/challenger, register, deploy to staging with a smoke check, await approval (a Temporal
 * Update with four-eyes validation), promote to production, and roll back if the post-promotion
 * check fails. Deterministic: every side effect is an activity.
 */
package dev.promoter.workflows.lifecycle;
