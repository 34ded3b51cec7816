-- Numbers are LIST-partitioned by project: one partition per project, made with the project.
--
-- Why this scheme, and how each requirement is met:
-- * A project's grid filters on project_id, so the planner prunes to that one partition, and keyset
--   pages seek indexes that lead with project_id: (project_id, id) for creation order, and
--   (project_id, coalesce(last_call_at, -infinity), id), (project_id, status, id), (project_id, supplier_id, id),
--   (project_id, geo_id, id) for the other sorts and filters.
-- * Deleting a project for good is DETACH + DROP of its partition: metadata, about a second at any size.
-- * Each partition has a unique index on (phone) alone (made in create_numbers_partition: a unique index
--   on the parent would have to include project_id). It keeps a phone once per project, serves the import's
--   duplicate check and the number-prefix filter, and makes finding a phone across all projects one index
--   probe per partition, not a scan. With thousands of projects a global phone directory would beat it; at
--   hundreds it costs a few milliseconds and keeps imports to one phone index write per row.
-- * phone is COLLATE "C" so that the number-prefix filter (phone LIKE '+7912%') is an index range scan.
-- Rows are written through the parent table only, so the statement triggers below see every change.
CREATE SEQUENCE numbers_id_seq AS bigint;

CREATE TABLE numbers (
    project_id bigint NOT NULL,
    id bigint NOT NULL DEFAULT nextval('numbers_id_seq'),
    phone text COLLATE "C" NOT NULL,
    supplier_id bigint,
    geo_id bigint,
    status smallint NOT NULL DEFAULT 0,
    attempts integer NOT NULL DEFAULT 0,
    last_call_at timestamptz,
    converted_at timestamptz,
    import_batch_id bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Set when someone or something works the number (status change, call), so reverting an import can
    -- tell untouched numbers from worked ones.
    worked_at timestamptz,
    extra jsonb,
    PRIMARY KEY (project_id, id)
) PARTITION BY LIST (project_id);
ALTER SEQUENCE numbers_id_seq OWNED BY numbers.id;

-- Never-called numbers sort as the oldest calls: the keyset needs a total order, so NULL becomes -infinity.
CREATE INDEX ix_numbers_last_call ON numbers (project_id, (coalesce(last_call_at, '-infinity'::timestamptz)), id);
CREATE INDEX ix_numbers_status ON numbers (project_id, status, id);
CREATE INDEX ix_numbers_supplier ON numbers (project_id, supplier_id, id);
CREATE INDEX ix_numbers_geo ON numbers (project_id, geo_id, id);

-- Counts per (project, status, supplier, geo): what grids show as totals, summed over the few groups a
-- filter selects, instead of count(*) over millions of rows. 0 stands for "none" in supplier and geo.
CREATE TABLE number_counts (
    project_id bigint NOT NULL,
    status smallint NOT NULL,
    supplier_id bigint NOT NULL,
    geo_id bigint NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (project_id, status, supplier_id, geo_id)
);

-- Statement-level triggers with transition tables: one aggregate per statement, so a million-row import
-- updates a handful of counter rows once, not a million times.
CREATE FUNCTION number_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO number_counts AS c (project_id, status, supplier_id, geo_id, n)
        SELECT project_id, status, coalesce(supplier_id, 0), coalesce(geo_id, 0), count(*)
        FROM new_rows GROUP BY 1, 2, 3, 4
        ON CONFLICT (project_id, status, supplier_id, geo_id) DO UPDATE SET n = c.n + excluded.n;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE number_counts c SET n = c.n - d.n
        FROM (SELECT project_id, status, coalesce(supplier_id, 0) AS supplier_id, coalesce(geo_id, 0) AS geo_id, count(*) AS n
              FROM old_rows GROUP BY 1, 2, 3, 4) d
        WHERE c.project_id = d.project_id AND c.status = d.status AND c.supplier_id = d.supplier_id AND c.geo_id = d.geo_id;
    ELSE
        INSERT INTO number_counts AS c (project_id, status, supplier_id, geo_id, n)
        SELECT project_id, status, supplier_id, geo_id, sum(delta)
        FROM (SELECT project_id, status, coalesce(supplier_id, 0) AS supplier_id, coalesce(geo_id, 0) AS geo_id, -1 AS delta FROM old_rows
              UNION ALL
              SELECT project_id, status, coalesce(supplier_id, 0), coalesce(geo_id, 0), 1 FROM new_rows) changes
        GROUP BY 1, 2, 3, 4
        HAVING sum(delta) <> 0
        ON CONFLICT (project_id, status, supplier_id, geo_id) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER numbers_count_insert AFTER INSERT ON numbers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION number_counts_apply();
CREATE TRIGGER numbers_count_update AFTER UPDATE ON numbers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION number_counts_apply();
CREATE TRIGGER numbers_count_delete AFTER DELETE ON numbers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION number_counts_apply();

CREATE FUNCTION numbers_partition_name(p_project_id bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT 'numbers_p' || p_project_id::text
$$;

CREATE FUNCTION create_numbers_partition(p_project_id bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF numbers FOR VALUES IN (%s)',
                   numbers_partition_name(p_project_id), p_project_id);
    EXECUTE format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %I (phone)',
                   numbers_partition_name(p_project_id) || '_phone', numbers_partition_name(p_project_id));
END;
$$;

-- The counters of a dropped partition go with it; the partition itself is detached and dropped whole.
CREATE FUNCTION drop_numbers_partition(p_project_id bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    partition_name text := numbers_partition_name(p_project_id);
BEGIN
    IF to_regclass(partition_name) IS NOT NULL THEN
        EXECUTE format('ALTER TABLE numbers DETACH PARTITION %I', partition_name);
        EXECUTE format('DROP TABLE %I', partition_name);
    END IF;
    DELETE FROM number_counts WHERE project_id = p_project_id;
END;
$$;

-- A text cell that starts with = + - @ would run as a formula when a spreadsheet opens an export; a
-- leading apostrophe makes it plain text.
CREATE FUNCTION spreadsheet_safe(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN left(value, 1) IN ('=', '+', '-', '@') THEN '''' || value ELSE value END
$$;
