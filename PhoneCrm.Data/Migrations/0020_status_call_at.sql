-- The start of the call whose result last set a number's status. The linker lets a call's result set the status only
-- when it is at least as new as that one: last_call_at is moved by every call, also calls without a mapped result, so
-- comparing with it made the outcome depend on the order the calls arrived in (issue 21). Existing numbers start with
-- NULL (not backfilled: that would rewrite every number at start-up), so their next mapped call sets the status
-- whatever its age, once.
ALTER TABLE numbers ADD COLUMN status_call_at timestamptz;
