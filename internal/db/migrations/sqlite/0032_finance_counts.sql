-- 清查: periodic count campaigns over a village's fixed assets and
-- resources. Keep in step with ../postgres/0032_finance_counts.sql.

-- A count campaign (清查) of one village: opened on starts_on with a line
-- per register item, closed once every line is counted and every
-- discrepancy resolved.
CREATE TABLE finance_counts (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    town_id     INTEGER REFERENCES orgs(id),
    name        TEXT NOT NULL,
    starts_on   DATE NOT NULL,
    state       TEXT NOT NULL,
    opened_by   INTEGER REFERENCES users(id),
    opener_name TEXT NOT NULL DEFAULT '',
    closed_by   INTEGER REFERENCES users(id),
    closer_name TEXT NOT NULL DEFAULT '',
    closed_at   TIMESTAMP,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX finance_counts_org ON finance_counts(org_id, starts_on, id);

-- One register item of a campaign: 账面数 (book quantity and value, taken
-- from the register when the campaign opened) against 核实数 (what was
-- found). A discrepancy carries its explanation and is resolved by
-- someone other than who recorded it.
CREATE TABLE finance_count_lines (
    id              INTEGER PRIMARY KEY,
    count_id        INTEGER NOT NULL REFERENCES finance_counts(id),
    org_id          INTEGER NOT NULL REFERENCES orgs(id),
    item_kind       TEXT NOT NULL,
    item_id         INTEGER NOT NULL,
    item_name       TEXT NOT NULL,
    book_qty        INTEGER NOT NULL,
    book_value_fen  INTEGER NOT NULL,
    counted         BOOLEAN NOT NULL,
    found_qty       INTEGER NOT NULL DEFAULT 0,
    found_value_fen INTEGER NOT NULL DEFAULT 0,
    note            TEXT NOT NULL DEFAULT '',
    recorded_by     INTEGER REFERENCES users(id),
    recorder_name   TEXT NOT NULL DEFAULT '',
    recorded_at     TIMESTAMP,
    resolution      TEXT NOT NULL DEFAULT '',
    resolved_by     INTEGER REFERENCES users(id),
    resolver_name   TEXT NOT NULL DEFAULT '',
    resolved_at     TIMESTAMP,
    UNIQUE (count_id, item_kind, item_id)
);
CREATE INDEX finance_count_lines_count ON finance_count_lines(count_id, id);
