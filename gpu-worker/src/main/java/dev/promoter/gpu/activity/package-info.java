/**
 * The GPU pool's activities: {@link dev.promoter.gpu.activity.CnnTrainingActivities} trains the
 * CNN as a long activity that heartbeats a checkpoint after every epoch and resumes from it when
 * Temporal retries the activity, possibly on another worker sharing the artifact store.
 */
package dev.promoter.gpu.activity;
