-- 表彰优秀党员: a general branch's yearly commendation through four steps
-- in order, under the 20% quota. Keep in step with the other dialect's
-- 0061_commendation.sql.

-- One commendation of one general branch in one year. members_n is the
-- count of all its members when it began, quota the 20% of it rounded
-- down; step is the last step done (0 to 4).
CREATE TABLE commendations (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER NOT NULL REFERENCES orgs(id),
    town_id         INTEGER REFERENCES orgs(id),
    year            INTEGER NOT NULL,
    members_n       INTEGER NOT NULL,
    quota           INTEGER NOT NULL,
    step            INTEGER NOT NULL DEFAULT 0,
    disclosure_item INTEGER, -- the 党务公开 item of the result, once filed
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (org_id, year)
);
CREATE INDEX commendations_year ON commendations(year, id);

-- Each step's meeting: when, 应到 and 实到.
CREATE TABLE commendation_steps (
    id              INTEGER PRIMARY KEY,
    commendation_id INTEGER NOT NULL REFERENCES commendations(id),
    step            INTEGER NOT NULL,
    held_on         DATE NOT NULL,
    expected        INTEGER NOT NULL,
    present         INTEGER NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    UNIQUE (commendation_id, step)
);

-- Who passed each step, with the votes for them.
CREATE TABLE commendation_votes (
    step_id   INTEGER NOT NULL REFERENCES commendation_steps(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    votes     INTEGER NOT NULL,
    PRIMARY KEY (step_id, member_id)
);

-- 党纪处分: a member under discipline is not commended in a year the
-- discipline was decided or still in effect.
CREATE TABLE member_discipline (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    kind        TEXT NOT NULL, -- warning | serious_warning | removal_from_post | probation
    decided_on  DATE NOT NULL,
    until_on    DATE,
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX member_discipline_member ON member_discipline(member_id, decided_on);
