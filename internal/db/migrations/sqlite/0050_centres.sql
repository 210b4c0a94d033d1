-- The five village centres at work (seed §3): 民事调解中心's cases with
-- their parties and sessions, 民情信息, the 接待日 rota and 村企信息共享
-- notes; the key and vulnerable group registers with visit plans and
-- visits (为民服务中心 and 民事调解中心); 民事代办 requests with their
-- tracking codes and notes. Centres themselves are derived from post
-- holders and never stored. Every row belongs to a village (org_id, a
-- general branch) and its town. Keep in step with ../postgres/0050_centres.sql.

-- A mediation case (调解案件): where it came from, what it is about, the
-- deadline set when it was opened; the agreement and closure, and the
-- follow-up visit after closing. state is open or closed.
CREATE TABLE centre_cases (
    id            INTEGER PRIMARY KEY,
    town_id       INTEGER REFERENCES orgs(id),
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    source        TEXT NOT NULL,
    category      TEXT NOT NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    opened_on     DATE NOT NULL,
    deadline      DATE NOT NULL,
    state         TEXT NOT NULL,
    agreement     TEXT NOT NULL DEFAULT '',
    closed_on     DATE,
    outcome       TEXT NOT NULL DEFAULT '',
    followup_on   DATE,
    followup_note TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL
);
-- Open cases by deadline (the overdue first), closed ones latest first.
CREATE INDEX centre_cases_org ON centre_cases(org_id, state, deadline, id);
CREATE INDEX centre_cases_town ON centre_cases(town_id, state, deadline, id);

-- The parties of a case: residents of the registry, or a name as told
-- when the person is not on it (an outsider).
CREATE TABLE centre_case_parties (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES centre_cases(id),
    resident_id INTEGER REFERENCES residents(id),
    name        TEXT NOT NULL
);
CREATE INDEX centre_case_parties_case ON centre_case_parties(case_id, id);

-- One mediation session of a case.
CREATE TABLE centre_case_sessions (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES centre_cases(id),
    held_on  DATE NOT NULL,
    mediator TEXT NOT NULL,
    note     TEXT NOT NULL
);
CREATE INDEX centre_case_sessions_case ON centre_case_sessions(case_id, held_on, id);

-- 民情信息: one piece of the villagers' situation collected by the
-- mediation centre, analysed by category, village and month.
CREATE TABLE centre_info (
    id        INTEGER PRIMARY KEY,
    town_id   INTEGER REFERENCES orgs(id),
    org_id    INTEGER NOT NULL REFERENCES orgs(id),
    category  TEXT NOT NULL,
    noted_on  DATE NOT NULL,
    summary   TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX centre_info_org ON centre_info(org_id, noted_on, id);
CREATE INDEX centre_info_town ON centre_info(town_id, noted_on, id);

-- 村干部接待日: who receives villagers on which day.
CREATE TABLE centre_reception_days (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    on_day     DATE NOT NULL,
    cadre      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    UNIQUE (org_id, on_day, cadre)
);
CREATE INDEX centre_reception_days_org ON centre_reception_days(org_id, on_day, id);

-- 村企信息共享: a note exchanged between the village and an enterprise.
CREATE TABLE centre_enterprise_notes (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    enterprise TEXT NOT NULL,
    noted_on   DATE NOT NULL,
    note       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX centre_enterprise_notes_org ON centre_enterprise_notes(org_id, noted_on, id);

-- A resident on the key-group (重点人群) or vulnerable-group (弱势群体)
-- register of their village, with the category and how often they are
-- to be visited. Sensitive: read only by the centre's staff and the
-- town, every read in read_log. ended_on takes them off the register.
CREATE TABLE centre_register (
    id           INTEGER PRIMARY KEY,
    town_id      INTEGER REFERENCES orgs(id),
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    resident_id  INTEGER NOT NULL REFERENCES residents(id),
    register     TEXT NOT NULL,
    category     TEXT NOT NULL,
    since        DATE NOT NULL,
    visit_days   INTEGER NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    ended_on     DATE,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX centre_register_org ON centre_register(org_id, register, id);
CREATE INDEX centre_register_town ON centre_register(town_id, register, id);
CREATE INDEX centre_register_resident ON centre_register(resident_id, category);

-- A planned contact or visit (帮扶走访计划) with its due day; done_on and
-- visit_id once a visit fulfils it. Overdue is judged when read.
CREATE TABLE centre_visit_plans (
    id        INTEGER PRIMARY KEY,
    entry_id  INTEGER NOT NULL REFERENCES centre_register(id),
    org_id    INTEGER NOT NULL REFERENCES orgs(id),
    town_id   INTEGER REFERENCES orgs(id),
    register  TEXT NOT NULL,
    due_on    DATE NOT NULL,
    visit_id  INTEGER,
    done_on   DATE
);
CREATE INDEX centre_visit_plans_entry ON centre_visit_plans(entry_id, done_on, due_on);
-- The due list: open plans of a village or town by due day (partial, so
-- both databases read them in order).
CREATE INDEX centre_visit_plans_org ON centre_visit_plans(org_id, register, due_on, id) WHERE done_on IS NULL;
CREATE INDEX centre_visit_plans_town ON centre_visit_plans(town_id, register, due_on, id) WHERE done_on IS NULL;

-- A visit made, with the help given (帮扶): a description and, for money
-- or goods, its value in 分.
CREATE TABLE centre_visits (
    id         INTEGER PRIMARY KEY,
    entry_id   INTEGER NOT NULL REFERENCES centre_register(id),
    visited_on DATE NOT NULL,
    visitor    TEXT NOT NULL,
    note       TEXT NOT NULL,
    help       TEXT NOT NULL DEFAULT '',
    help_fen   INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX centre_visits_entry ON centre_visits(entry_id, visited_on, id);

-- 民事代办: a request a villager files (on the portal without an account,
-- or at the office) for the 为民服务中心 to handle. The tracking code is
-- random and only its SHA-256 is kept; state is open or closed, stage
-- runs filed → accepted → handled → closed, within the deadline set at
-- filing.
CREATE TABLE centre_requests (
    id          INTEGER PRIMARY KEY,
    town_id     INTEGER REFERENCES orgs(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    code_hash   TEXT NOT NULL UNIQUE,
    via         TEXT NOT NULL,
    kind        TEXT NOT NULL,
    applicant   TEXT NOT NULL,
    phone       TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL,
    state       TEXT NOT NULL,
    stage       TEXT NOT NULL,
    filed_at    TIMESTAMP NOT NULL,
    deadline    DATE NOT NULL,
    accepted_at TIMESTAMP,
    handled_at  TIMESTAMP,
    closed_at   TIMESTAMP
);
CREATE INDEX centre_requests_org ON centre_requests(org_id, state, deadline, id);
CREATE INDEX centre_requests_town ON centre_requests(town_id, state, deadline, id);

-- What staff tell the villager as a request moves (shown by code).
CREATE TABLE centre_request_notes (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES centre_requests(id),
    at         TIMESTAMP NOT NULL,
    stage      TEXT NOT NULL,
    author     TEXT NOT NULL,
    note       TEXT NOT NULL
);
CREATE INDEX centre_request_notes_request ON centre_request_notes(request_id, id);
