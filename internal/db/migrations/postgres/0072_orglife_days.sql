-- Organisational life's calendar days are written as "2006-01-02". On
-- SQLite this step rewrites rows stored earlier with a clock time; here
-- the columns (meetings.held_on, member_evaluations.held_on and
-- fund_entries.on_date) are DATE already and hold days, so there is
-- nothing to change.
SELECT 1;
