-- The development pipeline's details, 三培养 tags and roster import jobs.
-- Keep in step with the other dialect: same tables, same columns.

-- village_id is the member's 村党总支 (the branch's parent, or the
-- general branch itself), kept on the row so village lists, boards and
-- counts read one index range instead of walking the tree.
ALTER TABLE members ADD COLUMN village_id INTEGER REFERENCES orgs(id);
CREATE INDEX members_village_status ON members(village_id, status, id);
CREATE INDEX members_village ON members(village_id, id);
CREATE INDEX members_town ON members(town_id, id);
CREATE INDEX members_resident ON members(resident_id);

-- One row per person in the pipeline (发展党员工作细则): the dated steps
-- that members.applied_on/joined_on/full_on do not hold, and the details
-- the time-gates check. Kept after 转正 as the record of how they joined.
CREATE TABLE member_pipeline (
    member_id        INTEGER PRIMARY KEY REFERENCES members(id),
    talk_on          DATE,
    talk_late        BOOLEAN NOT NULL DEFAULT FALSE,
    activist_on      DATE,
    candidate_on     DATE,
    training_days    INTEGER NOT NULL DEFAULT 0,
    training_hours   INTEGER NOT NULL DEFAULT 0,
    meeting_on       DATE,
    approved_on      DATE,
    approval_note    TEXT NOT NULL DEFAULT '',
    extension_months INTEGER NOT NULL DEFAULT 0,
    extended_on      DATE,
    rejected_on      DATE,
    reject_reason    TEXT NOT NULL DEFAULT '',
    updated_at       TIMESTAMP NOT NULL
);

-- 三培养: 党员→致富能手 (member_to_rich), 致富能手→党员 (rich_to_member),
-- 党员致富能手→村干部 (rich_member_to_cadre). A tag starts when the person is
-- put on the list, is achieved when the goal is met, ends when dropped;
-- rows are never deleted, so they are the history.
CREATE TABLE member_tags (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    town_id     INTEGER REFERENCES orgs(id),
    kind        TEXT NOT NULL,
    started_on  DATE NOT NULL,
    achieved_on DATE,
    ended_on    DATE,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX member_tags_member ON member_tags(member_id, id);
CREATE INDEX member_tags_town_kind ON member_tags(town_id, kind);

-- A roster import: the uploaded file and its progress live here, not in
-- a server's memory, so any app server can show (or resume) any job.
CREATE TABLE member_imports (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    town_id     INTEGER REFERENCES orgs(id),
    user_id     INTEGER REFERENCES users(id),
    file_name   TEXT NOT NULL,
    file_data   BLOB,
    state       TEXT NOT NULL,
    total_rows  INTEGER NOT NULL DEFAULT 0,
    done_rows   INTEGER NOT NULL DEFAULT 0,
    inserted    INTEGER NOT NULL DEFAULT 0,
    errors_json TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX member_imports_org ON member_imports(org_id, id);
