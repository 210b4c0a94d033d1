-- The prosperity programme (致富工程): industries per village, cooperatives
-- (专业合作组织) with their member households, what each industry party
-- organisation is attached to, and trainings with sessions, attendance by
-- residents and the skills and certificates residents earn.
-- Keep in step with ../postgres/0041_prosperity.sql.

-- An industry of a village: its 一村一品 (one_product) or a specialty.
CREATE TABLE industries (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER NOT NULL REFERENCES orgs(id),
    village_id INTEGER NOT NULL REFERENCES orgs(id),
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    UNIQUE (village_id, name)
);
CREATE INDEX industries_town ON industries(town_id, id);

-- A cooperative (专业合作组织) in an industry, led by a branch: with the
-- branch and its member households it is the 支部+产业+专业合作组织+农户
-- model.
CREATE TABLE cooperatives (
    id          INTEGER PRIMARY KEY,
    town_id     INTEGER NOT NULL REFERENCES orgs(id),
    village_id  INTEGER NOT NULL REFERENCES orgs(id),
    industry_id INTEGER NOT NULL REFERENCES industries(id),
    branch_id   INTEGER REFERENCES orgs(id),
    name        TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (town_id, name)
);
CREATE INDEX cooperatives_village ON cooperatives(village_id, id);

CREATE TABLE cooperative_members (
    cooperative_id INTEGER NOT NULL REFERENCES cooperatives(id),
    household_id   INTEGER NOT NULL REFERENCES households(id),
    joined_on      DATE NOT NULL,
    PRIMARY KEY (cooperative_id, household_id)
);
CREATE INDEX cooperative_members_household ON cooperative_members(household_id);

-- What an industry party organisation is set up in: an enterprise, a
-- mine, a project or a cooperative (its type is on orgs.industry_type).
CREATE TABLE industry_attachments (
    org_id         INTEGER PRIMARY KEY REFERENCES orgs(id),
    kind           TEXT NOT NULL,
    name           TEXT NOT NULL,
    cooperative_id INTEGER REFERENCES cooperatives(id),
    industry_id    INTEGER REFERENCES industries(id),
    updated_at     TIMESTAMP NOT NULL
);

-- A training of one of the four kinds (两校进村, 绿色证书, 远程教育站点辅导,
-- 科技下乡) in a village: the skill it teaches and whether completing it
-- gives a certificate.
CREATE TABLE trainings (
    id          INTEGER PRIMARY KEY,
    town_id     INTEGER NOT NULL REFERENCES orgs(id),
    village_id  INTEGER NOT NULL REFERENCES orgs(id),
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    trainer     TEXT NOT NULL,
    skill       TEXT NOT NULL,
    certifies   BOOLEAN NOT NULL,
    started_on  DATE NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX trainings_village ON trainings(village_id, started_on, id);
CREATE INDEX trainings_town ON trainings(town_id, started_on, id);

CREATE TABLE training_sessions (
    id          INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings(id),
    held_on     DATE NOT NULL,
    topic       TEXT NOT NULL,
    hours       INTEGER NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX training_sessions_training ON training_sessions(training_id, held_on, id);

CREATE TABLE training_attendance (
    session_id  INTEGER NOT NULL REFERENCES training_sessions(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    PRIMARY KEY (session_id, resident_id)
);
CREATE INDEX training_attendance_resident ON training_attendance(resident_id);

-- A skill a resident holds, from a training they completed; with a
-- certificate number when the training certifies (the holder is then a
-- 科技明白人).
CREATE TABLE resident_skills (
    resident_id    INTEGER NOT NULL REFERENCES residents(id),
    skill          TEXT NOT NULL,
    training_id    INTEGER REFERENCES trainings(id),
    earned_on      DATE NOT NULL,
    certificate_no TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (resident_id, skill)
);
CREATE INDEX resident_skills_training ON resident_skills(training_id);
