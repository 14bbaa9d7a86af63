-- The daily overdue sweep (HazardManagement.sweepOverdue) reads only the hazards past a deadline not yet notified:
-- with a province's open hazards (BENCHMARKS.md: 1.5 million) it must not scan those already reported overdue.
CREATE INDEX hazard_overdue_unnotified ON hazard (deadline)
    WHERE status = 'RECTIFYING' AND measure = 'ORDER' AND overdue_notified_for IS DISTINCT FROM deadline;
