-- Per-town counts of the development report (发展党员工作情况统计), kept
-- by the roster's use cases in the transactions that change members, so a
-- county or province report reads some hundred rows a town instead of
-- every member. Counts are marginal, as the report is. Keep in step with
-- ../postgres/0063_member_tallies.sql and members.RebuildTallies.
--
--   kind          year           key
--   status        0              the status (every status, left too)
--   admitted      joined_on's    total, women, cat:<category>, age:<band at admission>
--   became_full   full_on's      total
--   members       0              total, women, cat:<category>  (正式+预备 now)
--   members_born  birth year     total                          (正式+预备 now)
--
-- town_id 0 holds members whose town is unknown; no report reads it.
CREATE TABLE member_tallies (
    town_id INTEGER NOT NULL,
    kind    TEXT NOT NULL,
    year    INTEGER NOT NULL,
    key     TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (town_id, kind, year, key)
);

-- The counts of the members already there. Dates are stored as text
-- starting 'YYYY-MM-DD'; the age at admission is whole years from birth
-- to joining, as people.AgeOn counts it.
INSERT INTO member_tallies(town_id, kind, year, key, n)
WITH m AS (
    SELECT COALESCE(town_id, 0) AS t, status, category AS c, sex AS s,
        CAST(SUBSTR(CAST(birth_date AS TEXT), 1, 4) AS INTEGER) AS born,
        CAST(SUBSTR(CAST(joined_on AS TEXT), 1, 4) AS INTEGER) AS joined,
        CAST(SUBSTR(CAST(full_on AS TEXT), 1, 4) AS INTEGER) AS full_year,
        CAST(SUBSTR(CAST(joined_on AS TEXT), 1, 4) AS INTEGER) - CAST(SUBSTR(CAST(birth_date AS TEXT), 1, 4) AS INTEGER)
            - CASE WHEN SUBSTR(CAST(joined_on AS TEXT), 6, 5) < SUBSTR(CAST(birth_date AS TEXT), 6, 5) THEN 1 ELSE 0 END AS age
    FROM members
), a AS (
    SELECT t, joined, c, s, CASE WHEN age <= 35 THEN 'age:le35' WHEN age <= 45 THEN 'age:36_45'
        WHEN age <= 60 THEN 'age:46_60' ELSE 'age:gt60' END AS band FROM m WHERE joined IS NOT NULL
), p AS (
    SELECT t, born, c, s FROM m WHERE status IN ('probationary', 'full')
)
SELECT t, 'status', 0, status, COUNT(*) FROM m GROUP BY t, status
UNION ALL SELECT t, 'admitted', joined, 'total', COUNT(*) FROM a GROUP BY t, joined
UNION ALL SELECT t, 'admitted', joined, 'women', COUNT(*) FROM a WHERE s = 'F' GROUP BY t, joined
UNION ALL SELECT t, 'admitted', joined, 'cat:' || c, COUNT(*) FROM a GROUP BY t, joined, c
UNION ALL SELECT t, 'admitted', joined, band, COUNT(*) FROM a GROUP BY t, joined, band
UNION ALL SELECT t, 'became_full', full_year, 'total', COUNT(*) FROM m WHERE full_year IS NOT NULL GROUP BY t, full_year
UNION ALL SELECT t, 'members', 0, 'total', COUNT(*) FROM p GROUP BY t
UNION ALL SELECT t, 'members', 0, 'women', COUNT(*) FROM p WHERE s = 'F' GROUP BY t
UNION ALL SELECT t, 'members', 0, 'cat:' || c, COUNT(*) FROM p GROUP BY t, c
UNION ALL SELECT t, 'members_born', born, 'total', COUNT(*) FROM p GROUP BY t, born;
