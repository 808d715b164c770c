-- Run reconciliation. In the embedded dev stack Temporal keeps its state in memory, so after a
-- restart a run the registry still shows as open has no workflow any more. Such a run ends LOST,
-- and its pending approval request is WITHDRAWN (nobody can decide on it: no workflow waits).
-- (V4, not V3: another change adds V3.)

ALTER TABLE lifecycle_runs DROP CONSTRAINT lifecycle_runs_status_check;
ALTER TABLE lifecycle_runs ADD CONSTRAINT lifecycle_runs_status_check
    CHECK (status IN ('RUNNING', 'AWAITING_APPROVAL', 'PROMOTED', 'NOT_PROMOTED', 'REJECTED', 'EXPIRED',
                      'FAILED', 'ROLLED_BACK', 'LOST'));

ALTER TABLE approval_requests DROP CONSTRAINT approval_requests_status_check;
ALTER TABLE approval_requests ADD CONSTRAINT approval_requests_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN'));

-- what reconciliation looks for at every server start
CREATE INDEX lifecycle_runs_open ON lifecycle_runs (started_at)
    WHERE status IN ('RUNNING', 'AWAITING_APPROVAL');
