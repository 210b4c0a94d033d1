-- 双述双评: the yearly assessment of a village's 两委 cadres. Keep in
-- step with the other dialect's 0062_appraisal.sql.
--
-- Anonymity: ballots are counted on the spot and only the counted totals
-- are entered — per cadre, rater group and criterion the number of
-- ballots and the sum of their points. No table holds a rater, a ballot
-- or a time of entry that could join a score to whoever gave it.

-- One round of one village in one year, with the weights of the three
-- rater groups (percent, summing to 100) and the grade cut-offs (points
-- out of 100: at or above cut_excellent 优秀, cut_competent 称职,
-- cut_basic 基本称职, below it 不称职).
CREATE TABLE appraisal_rounds (
    id               INTEGER PRIMARY KEY,
    org_id           INTEGER NOT NULL REFERENCES orgs(id),
    town_id          INTEGER REFERENCES orgs(id),
    year             INTEGER NOT NULL,
    held_on          DATE NOT NULL,
    weight_member    INTEGER NOT NULL,
    weight_rep       INTEGER NOT NULL,
    weight_town      INTEGER NOT NULL,
    cut_excellent    INTEGER NOT NULL,
    cut_competent    INTEGER NOT NULL,
    cut_basic        INTEGER NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    UNIQUE (org_id, year)
);
CREATE INDEX appraisal_rounds_year ON appraisal_rounds(year, id);

-- The cadres assessed, as the 两委 stood when the round opened, with
-- their 述职 and 述廉 reports. village is true for a member of the
-- village committee (组织法 art. 33 applies to them).
CREATE TABLE appraisal_cadres (
    id              INTEGER PRIMARY KEY,
    round_id        INTEGER NOT NULL REFERENCES appraisal_rounds(id),
    name            TEXT NOT NULL,
    resident_id     INTEGER,
    posts           TEXT NOT NULL, -- post codes, comma-separated, party posts first
    village         BOOLEAN NOT NULL,
    sort_order      INTEGER NOT NULL,
    duty_report     TEXT NOT NULL DEFAULT '',
    duty_on         DATE,
    integrity_report TEXT NOT NULL DEFAULT '',
    integrity_on    DATE
);
CREATE INDEX appraisal_cadres_round ON appraisal_cadres(round_id, sort_order, id);
CREATE INDEX appraisal_cadres_name ON appraisal_cadres(name, round_id);

-- A rater group's counted ballots for a cadre: how many.
CREATE TABLE appraisal_ballots (
    cadre_id  INTEGER NOT NULL REFERENCES appraisal_cadres(id),
    grp       TEXT NOT NULL, -- member | representative | town
    ballots   INTEGER NOT NULL,
    PRIMARY KEY (cadre_id, grp)
);

-- The sum of the points (0–100 a ballot) those ballots gave on one
-- criterion: a quality (德 能 勤 绩 廉) in an area (党务 经济发展 社会稳定
-- 重点项目建设).
CREATE TABLE appraisal_sums (
    cadre_id  INTEGER NOT NULL REFERENCES appraisal_cadres(id),
    grp       TEXT NOT NULL,
    quality   TEXT NOT NULL, -- de | neng | qin | ji | lian
    area      TEXT NOT NULL, -- party | economy | stability | projects
    total     INTEGER NOT NULL,
    PRIMARY KEY (cadre_id, grp, quality, area)
);
