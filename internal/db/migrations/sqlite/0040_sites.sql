-- Activity sites (阵地建设): construction projects of organisations, the
-- county's subsidy schedule, the plans that declare a total investment,
-- budgets by funding source, disbursements and dated milestones.
-- Keep in step with ../postgres/0040_sites.sql.

-- The county subsidy schedule of a town: the amount due for a site of one
-- level (general_branch 村党总支, branch 村民小组党支部) and kind (new,
-- renovate). A site may override its line (大坪's 50万元).
CREATE TABLE site_rates (
    town_id    INTEGER NOT NULL REFERENCES orgs(id),
    level      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (town_id, level, kind)
);

-- A construction plan of a town with the total investment it declares
-- (总投资 380万元 in the seed); the reconciliation compares the schedule
-- applied to its sites against this figure.
CREATE TABLE site_plans (
    id           INTEGER PRIMARY KEY,
    town_id      INTEGER NOT NULL REFERENCES orgs(id),
    year         INTEGER NOT NULL,
    title        TEXT NOT NULL,
    declared_fen INTEGER NOT NULL CHECK (declared_fen >= 0),
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX site_plans_town ON site_plans(town_id, id);

-- One site project of an organisation. plan_id is NULL for the sites the
-- plan's sites lead (辐射带动), which are followed but not subsidised by
-- the plan. Status is derived from the dates.
CREATE TABLE sites (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER REFERENCES site_plans(id),
    org_id          INTEGER NOT NULL REFERENCES orgs(id),
    town_id         INTEGER NOT NULL REFERENCES orgs(id),
    village_id      INTEGER NOT NULL REFERENCES orgs(id),
    level           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    main_buildings  INTEGER NOT NULL DEFAULT 0,
    annexes         INTEGER NOT NULL DEFAULT 0,
    land_m2         INTEGER NOT NULL DEFAULT 0,
    floor_m2        INTEGER NOT NULL DEFAULT 0,
    override_fen    INTEGER,
    override_reason TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    started_on      DATE,
    completed_on    DATE,
    accepted_on     DATE,
    accepted_by     TEXT NOT NULL DEFAULT '',
    acceptance_note TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (org_id, plan_id)
);
CREATE INDEX sites_town ON sites(town_id, id);
CREATE INDEX sites_village ON sites(village_id, id);
CREATE INDEX sites_plan ON sites(plan_id, id);
CREATE INDEX sites_org ON sites(org_id, id);

-- A site's budget by funding source (county subsidy, town, village
-- collective, self-raised, other): one line a source.
CREATE TABLE site_budget_lines (
    site_id    INTEGER NOT NULL REFERENCES sites(id),
    source     TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (site_id, source)
);

-- Money paid to a site, by source, with the voucher it was paid on.
CREATE TABLE site_disbursements (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    town_id     INTEGER NOT NULL REFERENCES orgs(id),
    source      TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    paid_on     DATE NOT NULL,
    voucher     TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX site_disbursements_site ON site_disbursements(site_id, paid_on, id);

-- Dated milestones of a site's construction; stage started or completed
-- also sets the site's date.
CREATE TABLE site_milestones (
    id         INTEGER PRIMARY KEY,
    site_id    INTEGER NOT NULL REFERENCES sites(id),
    on_date    DATE NOT NULL,
    stage      TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX site_milestones_site ON site_milestones(site_id, on_date, id);
