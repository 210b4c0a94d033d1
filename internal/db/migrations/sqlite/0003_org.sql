-- Organisation work: 软弱涣散 flags. Keep in step with the other dialect's 0003_org.sql.

-- weak.one_open: at most one open flag per organisation, also under two
-- concurrent writers.
CREATE UNIQUE INDEX weak_flags_one_open ON weak_flags(org_id) WHERE closed_on IS NULL;

-- The /weak list: open flags by deadline (overdue first), closed ones by
-- the day they closed.
CREATE INDEX weak_flags_open_deadline ON weak_flags(deadline, id) WHERE closed_on IS NULL;
CREATE INDEX weak_flags_closed ON weak_flags(closed_on, id) WHERE closed_on IS NOT NULL;
