-- 文化活动中心 (seed §3): activities with attendance, 文化活动户 and
-- talents, 村规民约 as versioned documents, and the 农家书屋 with books
-- by ISBN and loans to residents. Keep in step with ../postgres/0051_culture.sql.

-- A cultural activity held, with how many took part.
CREATE TABLE culture_activities (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    title      TEXT NOT NULL,
    held_on    DATE NOT NULL,
    place      TEXT NOT NULL DEFAULT '',
    attendance INTEGER NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX culture_activities_org ON culture_activities(org_id, held_on, id);

-- A 文化活动户 or a talent (演艺人才, 乡土文艺创作人才, 非遗传承人): a
-- resident of the village and what they are known for.
CREATE TABLE culture_people (
    id          INTEGER PRIMARY KEY,
    town_id     INTEGER REFERENCES orgs(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    kind        TEXT NOT NULL,
    speciality  TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (resident_id, kind)
);
CREATE INDEX culture_people_org ON culture_people(org_id, kind, id);

-- 村规民约: each adopted version of the village's rules is kept whole.
CREATE TABLE village_rules (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    version    INTEGER NOT NULL,
    adopted_on DATE NOT NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, version)
);

-- 农家书屋: a title the village library holds, by ISBN, with its copies.
CREATE TABLE library_books (
    id         INTEGER PRIMARY KEY,
    town_id    INTEGER REFERENCES orgs(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    isbn       TEXT NOT NULL,
    title      TEXT NOT NULL,
    copies     INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, isbn)
);
CREATE INDEX library_books_org ON library_books(org_id, title, id);

-- A loan of one copy to a resident: due_on moves with each renewal;
-- returned_on ends it. Overdue is judged when read.
CREATE TABLE library_loans (
    id          INTEGER PRIMARY KEY,
    town_id     INTEGER REFERENCES orgs(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    book_id     INTEGER NOT NULL REFERENCES library_books(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    loaned_on   DATE NOT NULL,
    due_on      DATE NOT NULL,
    renewals    INTEGER NOT NULL DEFAULT 0,
    returned_on DATE,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX library_loans_book ON library_loans(book_id, returned_on);
-- Open loans of a village or a town by due day, the overdue first.
CREATE INDEX library_loans_open ON library_loans(org_id, due_on, id) WHERE returned_on IS NULL;
CREATE INDEX library_loans_town_open ON library_loans(town_id, due_on, id) WHERE returned_on IS NULL;
