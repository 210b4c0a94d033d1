-- Village democracy: 四议两公开 matters and their steps, 村民代表, the
-- town's own rule values, 五公开 items, the portal's feedback and the
-- portal's per-village version. Keep in step with ../postgres/0020_democracy.sql.

-- A town's own values of the named rules (quorum.*, decision.*,
-- schedule.*, feedback.*); a rule without a row has its default.
CREATE TABLE democracy_rules (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER NOT NULL REFERENCES orgs(id),
    rule       TEXT NOT NULL,
    num        INTEGER NOT NULL,
    den        INTEGER NOT NULL,
    strict     BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (town_id, rule)
);

-- 村民代表: who represents how many households of a village, since when.
CREATE TABLE representatives (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    town_id     INTEGER REFERENCES orgs(id),
    name        TEXT NOT NULL,
    sex         TEXT NOT NULL,
    households  INTEGER NOT NULL,
    group_name  TEXT NOT NULL DEFAULT '',
    started_on  DATE NOT NULL,
    ended_on    DATE,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX representatives_org ON representatives(org_id, id);

-- 四议两公开 matters: stage is how many of the six steps have passed.
CREATE TABLE matters (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    town_id     INTEGER REFERENCES orgs(id),
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    amount_fen  INTEGER NOT NULL DEFAULT 0,
    stage       INTEGER NOT NULL DEFAULT 0,
    state       TEXT NOT NULL,
    created_by  INTEGER,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX matters_org ON matters(org_id, id);
CREATE INDEX matters_town ON matters(town_id, id);

-- Each meeting or publication of a matter's step, with the rule values
-- it was decided under. outcome: passed, rejected, adjourned (no quorum),
-- published.
CREATE TABLE matter_steps (
    id                  INTEGER PRIMARY KEY,
    matter_id           INTEGER NOT NULL REFERENCES matters(id),
    org_id              INTEGER NOT NULL REFERENCES orgs(id),
    town_id             INTEGER REFERENCES orgs(id),
    step                INTEGER NOT NULL,
    body                TEXT NOT NULL DEFAULT '',
    held_on             DATE NOT NULL,
    place               TEXT NOT NULL DEFAULT '',
    expected            INTEGER NOT NULL DEFAULT 0,
    present             INTEGER NOT NULL DEFAULT 0,
    expected_households INTEGER NOT NULL DEFAULT 0,
    present_households  INTEGER NOT NULL DEFAULT 0,
    yes_votes           INTEGER NOT NULL DEFAULT 0,
    no_votes            INTEGER NOT NULL DEFAULT 0,
    abstain_votes       INTEGER NOT NULL DEFAULT 0,
    outcome             TEXT NOT NULL,
    rules_json          TEXT NOT NULL DEFAULT '',
    note                TEXT NOT NULL DEFAULT '',
    item_id             INTEGER,
    recorded_by         INTEGER,
    created_at          TIMESTAMP NOT NULL
);
CREATE INDEX matter_steps_matter ON matter_steps(matter_id, id);

-- 五公开 items. A published item is never changed: a new version
-- supersedes it. code is the short verification code of the published
-- version's content hash.
CREATE TABLE disclosures (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    town_id       INTEGER REFERENCES orgs(id),
    category      TEXT NOT NULL,
    period        TEXT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    supersedes_id INTEGER REFERENCES disclosures(id),
    change_note   TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL,
    author_id     INTEGER,
    author_name   TEXT NOT NULL DEFAULT '',
    reviewer_id   INTEGER,
    reviewer_name TEXT NOT NULL DEFAULT '',
    review_note   TEXT NOT NULL DEFAULT '',
    published_on  DATE,
    published_at  TIMESTAMP,
    content_hash  TEXT NOT NULL DEFAULT '',
    code          TEXT UNIQUE,
    archived_on   DATE,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX disclosures_org_state ON disclosures(org_id, state, id);
CREATE INDEX disclosures_town_state ON disclosures(town_id, state, id);
CREATE INDEX disclosures_org_published ON disclosures(org_id, published_on, id);
CREATE INDEX disclosures_source ON disclosures(org_id, source);

-- Villagers' feedback from the portal: moderated before it shows.
CREATE TABLE portal_feedback (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    town_id      INTEGER REFERENCES orgs(id),
    item_id      INTEGER REFERENCES disclosures(id),
    name         TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    addr_hash    TEXT NOT NULL,
    state        TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    moderated_by INTEGER,
    moderated_at TIMESTAMP,
    reply        TEXT NOT NULL DEFAULT '',
    replied_by   INTEGER,
    replied_at   TIMESTAMP
);
CREATE INDEX portal_feedback_addr ON portal_feedback(addr_hash, created_at);
CREATE INDEX portal_feedback_org ON portal_feedback(org_id, id);
CREATE INDEX portal_feedback_town ON portal_feedback(town_id, state, id);

-- The portal's cache key per village: bumped in every transaction that
-- changes what the village's public pages show.
CREATE TABLE portal_versions (
    org_id  INTEGER PRIMARY KEY REFERENCES orgs(id),
    version INTEGER NOT NULL
);
