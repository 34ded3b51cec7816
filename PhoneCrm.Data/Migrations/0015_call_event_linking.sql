-- Call events are accepted first and linked to numbers just after, by CallEventLinker (see CallEventSql):
-- the webhook answers once an event is stored, and the work an event does to numbers (links, attempts,
-- status, audit, toasts) runs in groups as large as the traffic makes them.
-- * linked_numbers is NULL while an event waits to be linked, then the number of numbers it reached (0:
--   unmatched, as before).
-- * The waiting events are found through a partial index that holds only them, so it stays as small as the
--   backlog, whatever the size of the table.
ALTER TABLE call_events ALTER COLUMN linked_numbers DROP NOT NULL;
CREATE INDEX ix_call_events_pending ON call_events (received_at, id) WHERE linked_numbers IS NULL;
