-- Files a record carries: a site's milestone photos, the receipts of an
-- expenditure request. They live in the database beside their record, so
-- every app server sees them and a backup holds them. A file belongs to
-- one record (owner_kind, owner_id); the record's programme decides who
-- may see it. Images are stored re-encoded (smaller, without the phone's
-- location), so sha256 is of what is stored.
-- Keep in step with ../postgres/0070_files.sql.
CREATE TABLE files (
    id              INTEGER PRIMARY KEY,
    owner_kind      TEXT NOT NULL,
    owner_id        INTEGER NOT NULL,
    org_id          INTEGER NOT NULL REFERENCES orgs(id),
    name            TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            INTEGER NOT NULL CHECK (size > 0),
    sha256          TEXT NOT NULL,
    data            BLOB NOT NULL,
    created_by      INTEGER REFERENCES users(id),
    created_by_name TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX files_owner ON files(owner_kind, owner_id, id);
