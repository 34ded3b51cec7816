-- Call events are accepted first and linked to numbers just after, by CallEventLinker (see CallEventSql):
-- the webhook answers once an event is stored, and the work an event does to numbers (links, attempts,
-- status, audit, toasts) runs in groups as large as the traffic makes them.
-- * linked_numbers is NULL while an event waits to be linked, then the number of numbers it reached (0:
--   unmatched, as before).
-- * The waiting events are found through a partial index that holds only them, so it stays as small as the
--   backlog, whatever the size of the table.
ALTER TABLE call_events ALTER COLUMN linked_numbers DROP NOT NULL;
CREATE INDEX ix_call_events_pending ON call_events (received_at, id) WHERE linked_numbers IS NULL;

-- The numbers a call event is about: the linking rule, in one place for the toasts (sent when an event is stored)
-- and the links (made when it is linked). An event that names a project is about the number with its phone in
-- that project, if the project is live; an event that names none is about the number with its phone in every live
-- project (an operator may call one person about several projects). Deleted projects never get calls. One probe
-- of phone_directory; LANGUAGE sql and STABLE, so the planner inlines it into the calling statement.
CREATE FUNCTION call_event_numbers(p_phone text, p_project_id bigint)
RETURNS TABLE (project_id bigint, number_id bigint) LANGUAGE sql STABLE AS $$
    SELECT d.project_id, d.number_id
    FROM phone_directory d JOIN projects p ON p.id = d.project_id AND p.deleted_at IS NULL
    WHERE d.phone = p_phone AND (p_project_id IS NULL OR d.project_id = p_project_id)
$$;
