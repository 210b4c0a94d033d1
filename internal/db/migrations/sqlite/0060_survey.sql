-- 公信度调查: credibility surveys of a village's 两委. Keep in step with
-- the other dialect's 0060_survey.sql. Anonymity is a property of these
-- tables (docs/decisions.md#survey-answers-cannot-be-joined-to-codes):
-- a code row holds only the hash of the code and its group and is deleted
-- when used; answers are counts, with no row per answer, no time and no
-- id that follows the order of answering.

-- One survey of one village (its 党总支) in one year.
CREATE TABLE surveys (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    town_id    INTEGER REFERENCES orgs(id),
    year       INTEGER NOT NULL,
    title      TEXT NOT NULL,
    threshold  INTEGER NOT NULL, -- a score below it (0–100) flags for 甄别
    opened_on  DATE NOT NULL,
    closed_on  DATE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, year)
);
CREATE INDEX surveys_town_year ON surveys(town_id, year, id);
CREATE INDEX surveys_year ON surveys(year, id);

-- What is rated: the 两委 team, then each of its members as they held
-- posts when the survey opened.
CREATE TABLE survey_subjects (
    id         INTEGER PRIMARY KEY,
    survey_id  INTEGER NOT NULL REFERENCES surveys(id),
    kind       TEXT NOT NULL, -- team | person
    name       TEXT NOT NULL,
    posts      TEXT NOT NULL DEFAULT '', -- post codes, comma separated
    sort_order INTEGER NOT NULL,
    UNIQUE (survey_id, sort_order)
);

-- Respondent groups with their weight (percent of the score) and how
-- many codes were issued to the group.
CREATE TABLE survey_groups (
    id        INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id),
    code      TEXT NOT NULL, -- cadre | party_rep | npc_rep | cppcc | public
    weight    INTEGER NOT NULL,
    issued    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (survey_id, code)
);

-- Unused one-time codes: the SHA-256 of the code and its group, nothing
-- else. A used code is deleted in the transaction that counts its answer.
-- WITHOUT ROWID: the rows live in the order of the hash, not of issue.
CREATE TABLE survey_codes (
    code_hash TEXT PRIMARY KEY,
    group_id  INTEGER NOT NULL REFERENCES survey_groups(id)
) WITHOUT ROWID;
CREATE INDEX survey_codes_group ON survey_codes(group_id);

-- The answers, as counts. Each answer adds one to its group's count and
-- to one count per subject, all in one shard drawn at random: a shard
-- says nothing, and spreads the writes of thousands of simultaneous
-- answers over rows that do not wait for each other. Totals are sums
-- over the shards.
CREATE TABLE survey_answer_counts (
    group_id INTEGER NOT NULL REFERENCES survey_groups(id),
    shard    INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (group_id, shard)
) WITHOUT ROWID;

CREATE TABLE survey_tallies (
    group_id   INTEGER NOT NULL REFERENCES survey_groups(id),
    subject_id INTEGER NOT NULL REFERENCES survey_subjects(id),
    rating     TEXT NOT NULL, -- satisfied | basic | dissatisfied
    shard      INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (group_id, subject_id, rating, shard)
) WITHOUT ROWID;
CREATE INDEX survey_tallies_subject ON survey_tallies(subject_id);

-- 甄别: what was decided about a subject scored below the threshold.
CREATE TABLE survey_followups (
    id          INTEGER PRIMARY KEY,
    subject_id  INTEGER NOT NULL REFERENCES survey_subjects(id),
    action      TEXT NOT NULL, -- retained | adjusted | replaced | referred
    note        TEXT NOT NULL,
    decided_on  DATE NOT NULL,
    recorded_by INTEGER,
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX survey_followups_subject ON survey_followups(subject_id, id);
