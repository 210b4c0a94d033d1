-- Foundation: organisation tree, posts, people, accounts, sessions, audit.
-- Keep in step with ../postgres/0001_foundation.sql: same tables, same columns.

CREATE TABLE orgs (
    id            INTEGER PRIMARY KEY,
    parent_id     INTEGER REFERENCES orgs(id),
    town_id       INTEGER REFERENCES orgs(id),
    type          TEXT NOT NULL,
    industry_type TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL,
    short_name    TEXT NOT NULL DEFAULT '',
    path          TEXT NOT NULL UNIQUE,
    sort_order    INTEGER NOT NULL DEFAULT 0,
    founded_on    DATE,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX orgs_parent ON orgs(parent_id, sort_order, id);
CREATE INDEX orgs_type_town ON orgs(type, town_id, sort_order, id);

CREATE TABLE posts (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    town_id    INTEGER REFERENCES orgs(id),
    code       TEXT NOT NULL,
    body       TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_id, code)
);

CREATE TABLE post_terms (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    town_id     INTEGER REFERENCES orgs(id),
    holder_name TEXT NOT NULL,
    resident_id INTEGER,
    started_on  DATE NOT NULL,
    ended_on    DATE,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX post_terms_post ON post_terms(post_id, started_on);
CREATE INDEX post_terms_org ON post_terms(org_id, ended_on);

CREATE TABLE weak_flags (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    town_id      INTEGER REFERENCES orgs(id),
    flagged_on   DATE NOT NULL,
    reason       TEXT NOT NULL,
    plan         TEXT NOT NULL,
    deadline     DATE NOT NULL,
    closed_on    DATE,
    closing_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX weak_flags_org ON weak_flags(org_id, closed_on);

CREATE TABLE households (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    town_id      INTEGER REFERENCES orgs(id),
    code         TEXT NOT NULL,
    head_name    TEXT NOT NULL,
    address      TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (town_id, code)
);
CREATE INDEX households_org ON households(org_id, code);

CREATE TABLE residents (
    id           INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES households(id),
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    town_id      INTEGER REFERENCES orgs(id),
    name         TEXT NOT NULL,
    id_cipher    BLOB NOT NULL,
    id_hash      TEXT NOT NULL UNIQUE,
    id_masked    TEXT NOT NULL,
    birth_date   DATE NOT NULL,
    sex          TEXT NOT NULL,
    relation     TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX residents_org_name ON residents(org_id, name, id);
CREATE INDEX residents_household ON residents(household_id);
CREATE INDEX residents_name ON residents(name);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    lang          TEXT NOT NULL DEFAULT 'zh',
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL
);

CREATE TABLE role_bindings (
    id      INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    role    TEXT NOT NULL,
    org_id  INTEGER NOT NULL REFERENCES orgs(id),
    UNIQUE (user_id, role, org_id)
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    csrf_token   TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    remote_addr  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    revoked_at   TIMESTAMP
);

CREATE TABLE login_failures (
    id   INTEGER PRIMARY KEY,
    key  TEXT NOT NULL,
    at   TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY,
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head(id, seq, hash) VALUES (1, 0, '');

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TIMESTAMP NOT NULL,
    actor_id    INTEGER,
    actor_name  TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    org_id      INTEGER,
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_log_org ON audit_log(org_id, id);

CREATE TABLE read_log (
    id        INTEGER PRIMARY KEY,
    at        TIMESTAMP NOT NULL,
    user_id   INTEGER NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    org_id    INTEGER
);
CREATE INDEX read_log_entity ON read_log(entity, entity_id, id);
