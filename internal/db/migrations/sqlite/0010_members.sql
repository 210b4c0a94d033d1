-- Party members and people in the development pipeline. One row per
-- person from application on; status moves along the pipeline, history is
-- kept in member_events. Leaving (出党, 去世) sets left_on, never deletes.
CREATE TABLE members (
    id           INTEGER PRIMARY KEY,
    town_id      INTEGER REFERENCES orgs(id),
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    resident_id  INTEGER REFERENCES residents(id),
    name         TEXT NOT NULL,
    id_cipher    BLOB NOT NULL,
    id_hash      TEXT NOT NULL UNIQUE,
    id_masked    TEXT NOT NULL,
    birth_date   DATE NOT NULL,
    sex          TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    education    TEXT NOT NULL DEFAULT '',
    category     TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    applied_on   DATE,
    joined_on    DATE,
    full_on      DATE,
    mobile       BOOLEAN NOT NULL DEFAULT FALSE,
    left_on      DATE,
    left_reason  TEXT NOT NULL DEFAULT '',
    user_id      INTEGER REFERENCES users(id),
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX members_org_status ON members(org_id, status, id);
CREATE INDEX members_town_status ON members(town_id, status, id);
CREATE INDEX members_name ON members(name);
CREATE INDEX members_user ON members(user_id);

-- Every change of a member's standing: pipeline steps, transfers,
-- extensions, rejections, leaving. The record's history page reads this.
CREATE TABLE member_events (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    town_id     INTEGER REFERENCES orgs(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    kind        TEXT NOT NULL,
    on_date     DATE NOT NULL,
    from_org_id INTEGER REFERENCES orgs(id),
    to_org_id   INTEGER REFERENCES orgs(id),
    detail      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX member_events_member ON member_events(member_id, on_date, id);
CREATE INDEX member_events_org_kind ON member_events(org_id, kind, on_date);
