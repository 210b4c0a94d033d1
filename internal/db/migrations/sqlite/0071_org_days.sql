-- The organisation programme's calendar days (an organisation's founding,
-- a post term's start and end, a 软弱涣散 flag's day, deadline and
-- closing) are written as "2006-01-02". Rows written before carry the
-- driver's clock-time form "2006-01-02 00:00:00+00:00" of the same day;
-- as text the two forms of one day differ, so ranges, keyset pages and
-- equality would compare unlike with unlike. Every such value becomes its
-- first ten characters, the day.
UPDATE orgs SET founded_on = SUBSTR(founded_on, 1, 10) WHERE LENGTH(founded_on) > 10;
UPDATE post_terms SET started_on = SUBSTR(started_on, 1, 10) WHERE LENGTH(started_on) > 10;
UPDATE post_terms SET ended_on = SUBSTR(ended_on, 1, 10) WHERE LENGTH(ended_on) > 10;
UPDATE weak_flags SET flagged_on = SUBSTR(flagged_on, 1, 10) WHERE LENGTH(flagged_on) > 10;
UPDATE weak_flags SET deadline = SUBSTR(deadline, 1, 10) WHERE LENGTH(deadline) > 10;
UPDATE weak_flags SET closed_on = SUBSTR(closed_on, 1, 10) WHERE LENGTH(closed_on) > 10;
