-- Member activities: 三会一课 and other meetings with attendance,
-- 设岗定责, 评星授旗, 民主评议, 谏言献策 and the care fund
-- (激励关怀帮扶资金). Keep in step with ../postgres/0012_member_activities.sql.

-- One meeting of a branch. expected/present (应到/实到) are derived from
-- the attendance rows, or typed as figures when the branch has no members
-- on the roster yet (headcount_only). counts is false when the meeting
-- fell below its quorum: it stays on record but does not count toward
-- the branch's compliance with the cadences.
CREATE TABLE meetings (
    id              INTEGER PRIMARY KEY,
    town_id         INTEGER REFERENCES orgs(id),
    org_id          INTEGER NOT NULL REFERENCES orgs(id),
    kind            TEXT NOT NULL,
    topic           TEXT NOT NULL,
    held_on         DATE NOT NULL,
    place           TEXT NOT NULL DEFAULT '',
    minutes         TEXT NOT NULL DEFAULT '',
    expected        INTEGER NOT NULL,
    present         INTEGER NOT NULL,
    voting_expected INTEGER NOT NULL DEFAULT 0,
    voting_present  INTEGER NOT NULL DEFAULT 0,
    headcount_only  BOOLEAN NOT NULL DEFAULT FALSE,
    counts          BOOLEAN NOT NULL,
    recorded_by     INTEGER REFERENCES users(id),
    created_at      TIMESTAMP NOT NULL
);
-- Compliance and the overdue list ask "the last counting meeting of this
-- kind in this branch"; lists go newest first per branch or per town.
CREATE INDEX meetings_org_kind ON meetings(org_id, kind, counts, held_on);
CREATE INDEX meetings_org_date ON meetings(org_id, held_on, id);
CREATE INDEX meetings_town_date ON meetings(town_id, held_on, id);

-- Who was expected (应到) and whether they came; an absentee's reason is
-- required. voting records whether the member had a vote that day
-- (预备党员 have none), for the 党员大会 quorum.
CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    present    BOOLEAN NOT NULL,
    voting     BOOLEAN NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX meeting_attendance_member ON meeting_attendance(member_id, meeting_id);

-- The speaker of a 党课; senior marks 副科级以上 leaders, whose lectures
-- the plan asks to be recorded (副科级以上党员领导上党课制度).
CREATE TABLE meeting_speakers (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    name       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    senior     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX meeting_speakers_meeting ON meeting_speakers(meeting_id);
CREATE INDEX meeting_speakers_town ON meeting_speakers(town_id, senior, meeting_id);

-- 设岗定责: the posts a member holds in a year and what they answer for.
CREATE TABLE member_duties (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    year       INTEGER NOT NULL,
    post       TEXT NOT NULL,
    duty       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (member_id, year, post)
);
CREATE INDEX member_duties_org ON member_duties(org_id, year, member_id);

-- 评星授旗: one rating a member a year; a star for each of the 五带头
-- the member met (leads lists them).
CREATE TABLE member_stars (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    year       INTEGER NOT NULL,
    stars      INTEGER NOT NULL,
    leads      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (member_id, year)
);
CREATE INDEX member_stars_org ON member_stars(org_id, year, member_id);

-- 民主评议党员: one row a member a year. grade is empty for a 预备党员,
-- who takes part but is not graded.
CREATE TABLE member_evaluations (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    year       INTEGER NOT NULL,
    grade      TEXT NOT NULL,
    held_on    DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (member_id, year)
);
CREATE INDEX member_evaluations_org ON member_evaluations(org_id, year, grade);

-- 谏言献策: a member's suggestion to their branch and the branch's reply.
CREATE TABLE suggestions (
    id           INTEGER PRIMARY KEY,
    town_id      INTEGER REFERENCES orgs(id),
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    member_id    INTEGER NOT NULL REFERENCES members(id),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    submitted_by INTEGER REFERENCES users(id),
    submitted_at TIMESTAMP NOT NULL,
    reply        TEXT NOT NULL DEFAULT '',
    replied_by   INTEGER REFERENCES users(id),
    replier_name TEXT NOT NULL DEFAULT '',
    replied_at   TIMESTAMP
);
CREATE INDEX suggestions_open ON suggestions(org_id, replied_at, submitted_at, id);
CREATE INDEX suggestions_member ON suggestions(member_id, submitted_at);

-- 激励关怀帮扶资金: one fund a town. The balance row is what a grant's
-- payment decrements, guarded so it never goes below zero even when two
-- approvals race; entries are the ledger behind it.
CREATE TABLE care_funds (
    town_id     INTEGER PRIMARY KEY REFERENCES orgs(id),
    balance_fen INTEGER NOT NULL CHECK (balance_fen >= 0),
    updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE fund_grants (
    id            INTEGER PRIMARY KEY,
    town_id       INTEGER NOT NULL REFERENCES orgs(id),
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    member_id     INTEGER NOT NULL REFERENCES members(id),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
    reason        TEXT NOT NULL,
    status        TEXT NOT NULL,
    proposed_by   INTEGER REFERENCES users(id),
    proposer_name TEXT NOT NULL,
    proposed_at   TIMESTAMP NOT NULL,
    decided_by    INTEGER REFERENCES users(id),
    decider_name  TEXT NOT NULL DEFAULT '',
    decided_at    TIMESTAMP,
    decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX fund_grants_town ON fund_grants(town_id, status, id);
CREATE INDEX fund_grants_org ON fund_grants(org_id, id);
CREATE INDEX fund_grants_member ON fund_grants(member_id, id);

CREATE TABLE fund_entries (
    id                INTEGER PRIMARY KEY,
    town_id           INTEGER NOT NULL REFERENCES orgs(id),
    kind              TEXT NOT NULL,
    amount_fen        INTEGER NOT NULL CHECK (amount_fen > 0),
    balance_after_fen INTEGER NOT NULL,
    on_date           DATE NOT NULL,
    description       TEXT NOT NULL,
    grant_id          INTEGER REFERENCES fund_grants(id),
    recorded_by       INTEGER REFERENCES users(id),
    created_at        TIMESTAMP NOT NULL
);
CREATE INDEX fund_entries_town ON fund_entries(town_id, id);
