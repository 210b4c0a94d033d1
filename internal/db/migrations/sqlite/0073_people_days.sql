-- The registry's calendar day, a resident's birth date, is written as
-- "2006-01-02". Rows written before carry the driver's clock-time form
-- "2006-01-02 00:00:00+00:00" of the same day; as text the two forms of
-- one day differ, so the age bands' ranges and equality would compare
-- unlike with unlike. Every such value becomes its first ten characters,
-- the day. (households and residents hold no other day: created_at is an
-- instant.)
UPDATE residents SET birth_date = SUBSTR(birth_date, 1, 10) WHERE LENGTH(birth_date) > 10;
