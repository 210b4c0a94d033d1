-- Village finance under 村财镇管村用: each village's books kept by the
-- town agent (chart of accounts, vouchers, periods, balances), expenditure
-- requests routed by amount, and the monthly bank and cash reconciliation.
-- Keep in step with ../postgres/0030_finance.sql. Money is integer 分.

-- A town's approval limits: a request up to signer_limit_fen is approved
-- by the village's 一支笔 signer, up to collective_limit_fen by the 两委
-- collectively at a recorded meeting, above it only with a passed 四议两公开
-- decision covering the amount. A town without a row uses the defaults.
CREATE TABLE finance_towns (
    town_id              INTEGER PRIMARY KEY REFERENCES orgs(id),
    signer_limit_fen     INTEGER NOT NULL CHECK (signer_limit_fen > 0),
    collective_limit_fen INTEGER NOT NULL,
    updated_at           TIMESTAMP NOT NULL,
    CHECK (collective_limit_fen > signer_limit_fen)
);

-- The village's designated 一支笔 signer; without a row any holder of
-- finance.approve over the village other than the requester signs.
CREATE TABLE finance_signers (
    org_id      INTEGER PRIMARY KEY REFERENCES orgs(id),
    user_id     INTEGER NOT NULL REFERENCES users(id),
    signer_name TEXT NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

-- A village's chart of accounts: the standard accounts of the 2023
-- system (standard, no parent) and the sub-accounts added below them.
-- class is asset, liability, equity, cost or profit; debit_side says on
-- which side the account's balance normally stands.
CREATE TABLE finance_accounts (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    class      TEXT NOT NULL,
    debit_side BOOLEAN NOT NULL,
    parent_id  INTEGER REFERENCES finance_accounts(id),
    standard   BOOLEAN NOT NULL,
    UNIQUE (org_id, code)
);

-- One month of a village's books. Posting a voucher takes this row (an
-- upsert, so it is also the lock that orders posting against closing)
-- and its counter numbers the voucher; closed_at locks the month.
CREATE TABLE finance_periods (
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    period      TEXT NOT NULL,
    vouchers    INTEGER NOT NULL DEFAULT 0,
    closed_at   TIMESTAMP,
    closed_by   INTEGER REFERENCES users(id),
    closer_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (org_id, period)
);

-- A voucher (记账凭证): draft until posted; number is given at posting,
-- consecutive per village and month. request_id links the payment of an
-- expenditure request.
CREATE TABLE finance_vouchers (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    town_id      INTEGER REFERENCES orgs(id),
    period       TEXT NOT NULL,
    number       INTEGER NOT NULL DEFAULT 0,
    voucher_date DATE NOT NULL,
    summary      TEXT NOT NULL,
    status       TEXT NOT NULL,
    total_fen    INTEGER NOT NULL CHECK (total_fen > 0),
    attachments  INTEGER NOT NULL DEFAULT 0,
    request_id   INTEGER,
    created_by   INTEGER REFERENCES users(id),
    creator_name TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    posted_by    INTEGER REFERENCES users(id),
    poster_name  TEXT NOT NULL DEFAULT '',
    posted_at    TIMESTAMP
);
-- The journal reads a month's posted vouchers in number order; lists go
-- newest first per village, by status or all.
CREATE INDEX finance_vouchers_journal ON finance_vouchers(org_id, period, status, number);
CREATE INDEX finance_vouchers_list ON finance_vouchers(org_id, id);
CREATE INDEX finance_vouchers_status ON finance_vouchers(org_id, status, id);

-- A voucher's lines, each a debit or a credit on one account. The
-- voucher's date and posted flag are kept on the line so an account's
-- ledger is one index range in date order.
CREATE TABLE finance_lines (
    id           INTEGER PRIMARY KEY,
    voucher_id   INTEGER NOT NULL REFERENCES finance_vouchers(id),
    line_no      INTEGER NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES finance_accounts(id),
    summary      TEXT NOT NULL,
    debit_fen    INTEGER NOT NULL CHECK (debit_fen >= 0),
    credit_fen   INTEGER NOT NULL CHECK (credit_fen >= 0),
    voucher_date DATE NOT NULL,
    posted       BOOLEAN NOT NULL,
    CHECK ((debit_fen = 0) <> (credit_fen = 0))
);
CREATE INDEX finance_lines_voucher ON finance_lines(voucher_id, line_no);
CREATE INDEX finance_lines_ledger ON finance_lines(account_id, posted, voucher_date, voucher_id, line_no);

-- Posted movements per account and month: the sums of the posted lines,
-- kept by posting in the same transaction, so a trial balance reads
-- accounts × months rather than every line.
CREATE TABLE finance_balances (
    account_id INTEGER NOT NULL REFERENCES finance_accounts(id),
    period     TEXT NOT NULL,
    debit_fen  INTEGER NOT NULL,
    credit_fen INTEGER NOT NULL,
    PRIMARY KEY (account_id, period)
);

-- An expenditure request of a village and its way through approval
-- (route signer / collective / decision), review by the 村务监督委员会 and
-- payment by the town agent; the steps' people and dates stay on the row.
CREATE TABLE finance_requests (
    id                  INTEGER PRIMARY KEY,
    org_id              INTEGER NOT NULL REFERENCES orgs(id),
    town_id             INTEGER REFERENCES orgs(id),
    purpose             TEXT NOT NULL,
    payee               TEXT NOT NULL,
    amount_fen          INTEGER NOT NULL CHECK (amount_fen > 0),
    expense_account_id  INTEGER NOT NULL REFERENCES finance_accounts(id),
    documents           TEXT NOT NULL DEFAULT '',
    route               TEXT NOT NULL,
    status              TEXT NOT NULL,
    requested_by        INTEGER REFERENCES users(id),
    requester_name      TEXT NOT NULL,
    requested_at        TIMESTAMP NOT NULL,
    approved_by         INTEGER REFERENCES users(id),
    approver_name       TEXT NOT NULL DEFAULT '',
    approved_at         TIMESTAMP,
    approval_mode       TEXT NOT NULL DEFAULT '',
    meeting_on          DATE,
    meeting_note        TEXT NOT NULL DEFAULT '',
    decision_id         INTEGER,
    decision_title      TEXT NOT NULL DEFAULT '',
    decision_amount_fen INTEGER NOT NULL DEFAULT 0,
    reviewed_by         INTEGER REFERENCES users(id),
    reviewer_name       TEXT NOT NULL DEFAULT '',
    reviewed_at         TIMESTAMP,
    paid_by             INTEGER REFERENCES users(id),
    payer_name          TEXT NOT NULL DEFAULT '',
    paid_at             TIMESTAMP,
    voucher_id          INTEGER REFERENCES finance_vouchers(id)
);
CREATE INDEX finance_requests_org ON finance_requests(org_id, id);
CREATE INDEX finance_requests_org_status ON finance_requests(org_id, status, id);
CREATE INDEX finance_requests_town ON finance_requests(town_id, id);
CREATE INDEX finance_requests_town_status ON finance_requests(town_id, status, id);

-- Every step of a request, refusals by a reviewer included: the history
-- a withdrawn or rejected request keeps.
CREATE TABLE finance_request_events (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES finance_requests(id),
    action     TEXT NOT NULL,
    status     TEXT NOT NULL,
    actor_id   INTEGER REFERENCES users(id),
    actor_name TEXT NOT NULL,
    at         TIMESTAMP NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX finance_request_events_request ON finance_request_events(request_id, id);

-- A month's reconciliation of a bank or cash account: the statement's
-- (or the count's) balance against the ledger's, with the items that
-- explain the difference.
CREATE TABLE finance_reconciliations (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    account_id    INTEGER NOT NULL REFERENCES finance_accounts(id),
    period        TEXT NOT NULL,
    statement_fen INTEGER NOT NULL,
    ledger_fen    INTEGER NOT NULL,
    recorded_by   INTEGER REFERENCES users(id),
    recorder_name TEXT NOT NULL,
    recorded_at   TIMESTAMP NOT NULL,
    UNIQUE (account_id, period)
);
CREATE INDEX finance_reconciliations_org ON finance_reconciliations(org_id, period, id);

-- An item explaining part of a difference: amount_fen is what it adds to
-- the statement's balance to reach the ledger's (a deposit in transit is
-- positive, a bank charge not yet booked negative).
CREATE TABLE finance_reconciliation_items (
    id                INTEGER PRIMARY KEY,
    reconciliation_id INTEGER NOT NULL REFERENCES finance_reconciliations(id),
    description       TEXT NOT NULL,
    amount_fen        INTEGER NOT NULL
);
CREATE INDEX finance_reconciliation_items_rec ON finance_reconciliation_items(reconciliation_id, id);
