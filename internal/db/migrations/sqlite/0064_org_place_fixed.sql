-- An organisation's place in the tree (parent, type, path, town) is fixed
-- once it is created: nothing moves an organisation, and app servers keep
-- places in memory without invalidation (members' place cache). The only
-- update allowed is the one that fills in the path of a row just inserted
-- with a placeholder path beginning "/tmp-" (the path needs the new id).
CREATE TRIGGER orgs_place_fixed BEFORE UPDATE OF parent_id, type, path, town_id ON orgs
WHEN OLD.path NOT LIKE '/tmp-%' AND (NEW.parent_id IS NOT OLD.parent_id OR NEW.type IS NOT OLD.type
	OR NEW.path IS NOT OLD.path OR NEW.town_id IS NOT OLD.town_id)
BEGIN
	SELECT RAISE(ABORT, 'orgs: an organisation''s place in the tree is fixed');
END;
