-- A user whose password nobody chose for them to keep (the first administrator's, generated and printed to the
-- console, where it stays in the container's logs) must set their own before anything else.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
