-- issue 18: a 双随机 draw's event may be delivered twice at once (several nodes, republication after a restart);
-- each drawn firm becomes one task however often it arrives. Duplicates an earlier delivery left (tasks nobody has
-- started: no record, no 告知书 sent) are removed first, keeping the oldest.
DELETE FROM inspection_task t
WHERE t.source = 'DRAW'
  AND EXISTS (SELECT 1 FROM inspection_task older
              WHERE older.source = 'DRAW' AND older.source_ref = t.source_ref AND older.enterprise_id = t.enterprise_id
                AND older.id < t.id)
  AND t.notice_sent_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM inspection_record r WHERE r.task_id = t.id);
CREATE UNIQUE INDEX inspection_task_drawn_once ON inspection_task (source_ref, enterprise_id) WHERE source = 'DRAW';
