-- The registry's calendar day, a resident's birth date, is written as
-- "2006-01-02". On SQLite this step rewrites rows stored earlier with a
-- clock time; here residents.birth_date is DATE already and holds days,
-- so there is nothing to change.
SELECT 1;
