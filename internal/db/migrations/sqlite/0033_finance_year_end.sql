-- 年终结转: a village's year carried from its income and expense accounts
-- (and 本年收益) into 收益分配 by one generated, posted voucher. One row a
-- village and year, so a year is carried once; the statements leave the
-- voucher out of the year's income and distribution. Keep in step with
-- ../postgres/0033_finance_year_end.sql.
CREATE TABLE finance_year_ends (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    year        INTEGER NOT NULL,
    voucher_id  INTEGER NOT NULL REFERENCES finance_vouchers(id),
    net_fen     INTEGER NOT NULL,
    closed_by   INTEGER REFERENCES users(id),
    closer_name TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (org_id, year)
);
