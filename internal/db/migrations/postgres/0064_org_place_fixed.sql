-- An organisation's place in the tree (parent, type, path, town) is fixed
-- once it is created: nothing moves an organisation, and app servers keep
-- places in memory without invalidation (members' place cache). The only
-- update allowed is the one that fills in the path of a row just inserted
-- with a placeholder path beginning "/tmp-" (the path needs the new id).
CREATE FUNCTION orgs_place_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.path NOT LIKE '/tmp-%' AND (NEW.parent_id IS DISTINCT FROM OLD.parent_id
		OR NEW.type IS DISTINCT FROM OLD.type OR NEW.path IS DISTINCT FROM OLD.path
		OR NEW.town_id IS DISTINCT FROM OLD.town_id) THEN
		RAISE EXCEPTION 'orgs: an organisation''s place in the tree is fixed';
	END IF;
	RETURN NEW;
END;
$$;

CREATE TRIGGER orgs_place_fixed BEFORE UPDATE OF parent_id, type, path, town_id ON orgs
	FOR EACH ROW EXECUTE FUNCTION orgs_place_fixed();
