-- Which engine runs a lifecycle: Temporal (every run before this change) or Camunda 8 (Zeebe).
-- The approvals inbox shows it, and a decision on a Camunda run resumes it by a Zeebe message.
ALTER TABLE lifecycle_runs ADD COLUMN engine TEXT NOT NULL DEFAULT 'temporal'
    CHECK (engine IN ('temporal', 'camunda'));
