-- The organisation programme's calendar days are written as "2006-01-02".
-- On SQLite this step rewrites rows stored earlier with a clock time; here
-- the columns (orgs.founded_on, post_terms.started_on and ended_on,
-- weak_flags.flagged_on, deadline and closed_on) are DATE already and
-- hold days, so there is nothing to change.
SELECT 1;
