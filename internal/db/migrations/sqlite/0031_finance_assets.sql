-- 三资 of a village beyond its money: fixed assets with their depreciation
-- and disposal, and resources (land, forest, water) with their contracts
-- and the rent paid on them. Keep in step with ../postgres/0031_finance_assets.sql.

-- A fixed asset (固定资产). category is operating (经营性) or
-- non_operating (非经营性); depreciation is straight-line over life_months
-- down to residual_pct of the original value, computed at read time.
-- A disposal is requested by one person and approved by another; the
-- row keeps both.
CREATE TABLE finance_assets (
    id                   INTEGER PRIMARY KEY,
    org_id               INTEGER NOT NULL REFERENCES orgs(id),
    town_id              INTEGER REFERENCES orgs(id),
    name                 TEXT NOT NULL,
    category             TEXT NOT NULL,
    location             TEXT NOT NULL,
    acquired_on          DATE NOT NULL,
    original_fen         INTEGER NOT NULL CHECK (original_fen > 0),
    residual_pct         INTEGER NOT NULL,
    life_months          INTEGER NOT NULL CHECK (life_months > 0),
    custodian            TEXT NOT NULL,
    status               TEXT NOT NULL,
    disposal_reason      TEXT NOT NULL DEFAULT '',
    disposal_value_fen   INTEGER NOT NULL DEFAULT 0,
    disposal_by          INTEGER REFERENCES users(id),
    disposal_by_name     TEXT NOT NULL DEFAULT '',
    disposal_at          TIMESTAMP,
    disposal_approved_by INTEGER REFERENCES users(id),
    disposal_approver    TEXT NOT NULL DEFAULT '',
    disposed_at          TIMESTAMP,
    created_at           TIMESTAMP NOT NULL
);
CREATE INDEX finance_assets_org ON finance_assets(org_id, id);

-- A resource (资源) of the village: land, forest, water or other.
CREATE TABLE finance_resources (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    town_id    INTEGER REFERENCES orgs(id),
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    area       TEXT NOT NULL,
    location   TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX finance_resources_org ON finance_resources(org_id, id);

-- A contract letting a resource: counterparty, term, the yearly rent due
-- at the start of each contract year, and who signed it for the village.
CREATE TABLE finance_contracts (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER NOT NULL REFERENCES orgs(id),
    resource_id     INTEGER NOT NULL REFERENCES finance_resources(id),
    counterparty    TEXT NOT NULL,
    starts_on       DATE NOT NULL,
    ends_on         DATE NOT NULL,
    annual_rent_fen INTEGER NOT NULL CHECK (annual_rent_fen > 0),
    signer_name     TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX finance_contracts_org ON finance_contracts(org_id, ends_on, id);
CREATE INDEX finance_contracts_resource ON finance_contracts(resource_id, id);

-- Rent received on a contract; voucher_id is the posted receipt.
CREATE TABLE finance_contract_payments (
    id          INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES finance_contracts(id),
    paid_on     DATE NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    voucher_id  INTEGER REFERENCES finance_vouchers(id),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX finance_contract_payments_contract ON finance_contract_payments(contract_id, id);
