-- Indexes that give list pages their order, so a page of fifty reads fifty
-- index entries instead of sorting its whole filtered set.

-- The roster of one branch filters on status (two or three values), which
-- splits (org_id, status, id) into ranges that each come in id order but
-- not together; (org_id, id) is one range in id order.
CREATE INDEX members_org ON members(org_id, id);

-- Meetings of a whole scope, newest first.
CREATE INDEX meetings_date ON meetings(held_on, id);

-- Open suggestions longest waiting first; answered ones latest reply first.
CREATE INDEX suggestions_waiting ON suggestions(submitted_at, id) WHERE replied_at IS NULL;
CREATE INDEX suggestions_answered ON suggestions(replied_at, id) WHERE replied_at IS NOT NULL;
