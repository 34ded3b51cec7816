-- What libphonenumber says about each number, found once at import and kept with it (issue 20, point 2b).
-- Nullable columns on the partitioned parent: a catalogue change only, no partition is rewritten.
-- Numbers imported before this migration keep NULL in all of them: they are not recomputed here (an UPDATE of
-- every partition would rewrite every row), and the grid and card show an empty cell for them.
--   country      the library's region of the number: ISO 3166 alpha-2, or '001' for non-geographic codes (+800 ...).
--   number_type  its type as a short code (mobile, fixed_line, fixed_line_or_mobile, toll_free, premium_rate,
--                shared_cost, voip, personal_number, pager, uan, voicemail, unknown); titles come from resources.
--   operator     the carrier mapper's English name, NULL where the library knows none (fixed lines, most
--                countries); shown in the user's language by asking the library again for the rows on screen.
--   region       the offline geocoder's English description of the area, NULL when it names only the country.
--   time_zones   IANA ids, as the library lists them for the number's prefix.
-- No new indexes: a project's numbers are mostly of one country, of two or three types and of a handful of
-- operators, so each filter keeps a good share of rows and the grid's keyset scans on the id and last-call
-- indexes find a page of them after a few times its size; an index per column would instead cost every COPY of
-- every import. The filtered total is counted with a cap, as for a phone prefix.
ALTER TABLE numbers
    ADD COLUMN country text,
    ADD COLUMN number_type text,
    ADD COLUMN operator text,
    ADD COLUMN region text,
    ADD COLUMN time_zones text[];
