-- Organisational life's calendar days (a meeting's day, a 民主评议's day
-- and a care-fund entry's day) are written as "2006-01-02". Rows written
-- before carry the driver's clock-time form "2006-01-02 00:00:00+00:00"
-- of the same day; as text the two forms of one day differ, so the
-- compliance ranges, the overdue test and the meeting list's keyset pages
-- would compare unlike with unlike. Every such value becomes its first ten
-- characters, the day.
UPDATE meetings SET held_on = SUBSTR(held_on, 1, 10) WHERE LENGTH(held_on) > 10;
UPDATE member_evaluations SET held_on = SUBSTR(held_on, 1, 10) WHERE LENGTH(held_on) > 10;
UPDATE fund_entries SET on_date = SUBSTR(on_date, 1, 10) WHERE LENGTH(on_date) > 10;
