-- 一事一议: public works funded by villagers' money or labour, with the
-- vote that passed them and what each household paid. Keep in step with
-- ../postgres/0021_projects.sql.
CREATE TABLE projects (
    id                 INTEGER PRIMARY KEY,
    org_id             INTEGER NOT NULL REFERENCES orgs(id),
    town_id            INTEGER REFERENCES orgs(id),
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    proposer           TEXT NOT NULL,
    proposers          INTEGER NOT NULL DEFAULT 0,
    per_person_fen     INTEGER NOT NULL DEFAULT 0,
    labour_days        INTEGER NOT NULL DEFAULT 0,
    state              TEXT NOT NULL,
    voted_on           DATE,
    body               TEXT NOT NULL DEFAULT '',
    expected           INTEGER NOT NULL DEFAULT 0,
    present            INTEGER NOT NULL DEFAULT 0,
    yes_votes          INTEGER NOT NULL DEFAULT 0,
    households_total   INTEGER NOT NULL DEFAULT 0,
    households_present INTEGER NOT NULL DEFAULT 0,
    households_yes     INTEGER NOT NULL DEFAULT 0,
    rules_json         TEXT NOT NULL DEFAULT '',
    created_by         INTEGER,
    created_at         TIMESTAMP NOT NULL
);
CREATE INDEX projects_org ON projects(org_id, id);

-- What one household paid in money and labour for a project: one row each.
CREATE TABLE project_collections (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects(id),
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    town_id      INTEGER REFERENCES orgs(id),
    household_id INTEGER NOT NULL REFERENCES households(id),
    people       INTEGER NOT NULL,
    amount_fen   INTEGER NOT NULL,
    labour_days  INTEGER NOT NULL,
    paid_on      DATE NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (project_id, household_id)
);
CREATE INDEX project_collections_project ON project_collections(project_id, id);
