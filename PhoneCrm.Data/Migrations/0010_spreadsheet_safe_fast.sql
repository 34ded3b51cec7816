-- Cheaper spreadsheet-safe cells for exports, which call these once per cell (millions of times).
--
-- Same rule as 0004: a text cell that starts with = + - @ would run as a formula when a spreadsheet opens
-- an export; a leading apostrophe makes it plain text. ascii() reads the first character's code without
-- building a one-character string as left() did, and an integer list is cheaper to search than a text one.
-- Both functions stay LANGUAGE sql, IMMUTABLE and not STRICT, so the planner inlines them into the query
-- as plain expressions (no function call per cell).
CREATE OR REPLACE FUNCTION spreadsheet_safe(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN ascii(value) IN (61, 43, 45, 64) THEN '''' || value ELSE value END -- = + - @
$$;

-- spreadsheet_safe(extra::text) rendered each jsonb value to text twice (once to test its first character,
-- once for the result). Only a JSON number can start with one of those characters (a minus sign): objects,
-- arrays and strings start with { [ ", and true/false/null with a letter, so they are rendered once.
CREATE FUNCTION spreadsheet_safe(value jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN spreadsheet_safe(value::text) ELSE value::text END
$$;
