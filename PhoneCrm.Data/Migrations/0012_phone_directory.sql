-- Every number's phone with its project, in one index: finding a phone across all projects (a SoftPhone call,
-- the lookup, the check for numbers already in another project) is one index probe however many projects
-- there are, where probing each project's partition costs one probe per project (200 projects: 200 probes).
-- * Kept by statement-level triggers on numbers, as number_counts is: an import adds its rows in one
--   INSERT ... SELECT from the transition table, sorted by phone like the import itself.
-- * A permanent delete drops a project's partition without touching this table, so it stays about a second
--   at any size; readers join live projects, so the rows of a dropped project are never seen, and the
--   housekeeping job removes them later.
-- * A number's phone never changes (the app has no way to change it, and a trigger refuses it), so updates need
--   no upkeep here.
CREATE TABLE phone_directory (
    phone text COLLATE "C" NOT NULL,
    project_id bigint NOT NULL,
    number_id bigint NOT NULL,
    PRIMARY KEY (phone, project_id)
);
INSERT INTO phone_directory (phone, project_id, number_id)
SELECT phone, project_id, id FROM numbers ORDER BY phone, project_id;

CREATE FUNCTION phone_directory_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO phone_directory (phone, project_id, number_id)
        SELECT phone, project_id, id FROM new_rows ORDER BY phone;
    ELSE
        DELETE FROM phone_directory d USING old_rows o WHERE d.phone = o.phone AND d.project_id = o.project_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER numbers_directory_insert AFTER INSERT ON numbers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION phone_directory_apply();
CREATE TRIGGER numbers_directory_delete AFTER DELETE ON numbers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION phone_directory_apply();

CREATE FUNCTION numbers_phone_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a number''s phone cannot change (number %)', OLD.id USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER numbers_phone_fixed BEFORE UPDATE OF phone ON numbers
    FOR EACH ROW WHEN (OLD.phone IS DISTINCT FROM NEW.phone) EXECUTE FUNCTION numbers_phone_is_fixed();
