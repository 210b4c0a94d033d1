-- The registry's age bands (青壮年 18–45, adults 18+ for 村民会议 quorums)
-- are birth-date ranges within an organisation: this index serves both the
-- resident list's age filter and the per-village counts.
CREATE INDEX residents_org_birth ON residents(org_id, birth_date);
