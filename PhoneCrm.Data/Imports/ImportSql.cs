namespace PhoneCrm.Data.Imports;

/// <summary>The set-based steps of an import, run in order in one transaction after the COPY into staging.</summary>
internal static class ImportSql
{
    // ON COMMIT DROP: the staging tables vanish with the transaction, whether it commits or not.
    public const string CreateStaging = """
        CREATE TEMP TABLE import_staging (
            row_number bigint NOT NULL, raw_phone text, phone text COLLATE "C", country text, reason text,
            supplier_name text, geo_name text, extra jsonb) ON COMMIT DROP
        """;

    public const string RejectInvalid = """
        INSERT INTO import_rejects (batch_id, row_number, raw_value, reason)
        SELECT @batch, row_number, raw_phone, reason FROM import_staging WHERE reason IS NOT NULL
        """;

    // The first occurrence of each phone in the file wins; the later ones go to the report.
    public const string KeepFirstOccurrence = """
        CREATE TEMP TABLE import_unique ON COMMIT DROP AS
        SELECT DISTINCT ON (phone) row_number, raw_phone, phone, country, supplier_name, geo_name, extra
        FROM import_staging WHERE reason IS NULL
        ORDER BY phone, row_number
        """;

    public const string RejectDuplicatesInFile = """
        INSERT INTO import_rejects (batch_id, row_number, raw_value, reason)
        SELECT @batch, s.row_number, s.raw_phone, @reason || ' (first at row ' || u.row_number || ')'
        FROM import_staging s JOIN import_unique u ON u.phone = s.phone
        WHERE s.reason IS NULL AND s.row_number <> u.row_number
        """;

    public const string CreateMissingSuppliers = """
        INSERT INTO suppliers (name)
        SELECT DISTINCT ON (lower(supplier_name)) supplier_name FROM import_unique u
        WHERE coalesce(supplier_name, '') <> ''
          AND NOT EXISTS (SELECT 1 FROM suppliers s WHERE lower(s.name) = lower(u.supplier_name))
        ON CONFLICT DO NOTHING
        """;

    public const string CreateSkipped = """
        CREATE TEMP TABLE import_skipped (row_number bigint, raw_phone text, phone text COLLATE "C", reason text) ON COMMIT DROP
        """;

    // One probe of the project's (project_id, phone) index per unique phone.
    public const string FindExistingInProject = """
        INSERT INTO import_skipped (row_number, raw_phone, phone, reason)
        SELECT u.row_number, u.raw_phone, u.phone, @inProject
        FROM import_unique u
        WHERE EXISTS (SELECT 1 FROM numbers n WHERE n.project_id = @project AND n.phone = u.phone)
        """;

    public const string FindExistingElsewhere = """
        INSERT INTO import_skipped (row_number, raw_phone, phone, reason)
        SELECT u.row_number, u.raw_phone, u.phone, @elsewhere
        FROM import_unique u
        WHERE NOT EXISTS (SELECT 1 FROM import_skipped k WHERE k.phone = u.phone)
          AND EXISTS (SELECT 1 FROM projects p JOIN numbers n ON n.project_id = p.id
                      WHERE p.deleted_at IS NULL AND p.id <> @project AND n.phone = u.phone)
        """;

    public const string RejectSkipped = """
        INSERT INTO import_rejects (batch_id, row_number, raw_value, reason)
        SELECT @batch, row_number, raw_phone, reason FROM import_skipped
        """;

    // Sequences are not transactional: this is the newest id handed out by anyone (before the first nextval,
    // last_value is the start value not yet given out), so every id this import gets is above the value read
    // before it and at most the value read after it.
    public const string LastNumberId = "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM numbers_id_seq";

    // Sorted by phone so the unique index takes the new keys in order; the other indexes lead with
    // (project_id, ...) and grow at their ends because ids only increase.
    public const string InsertNumbers = """
        INSERT INTO numbers (project_id, phone, supplier_id, geo_id, import_batch_id, extra)
        SELECT @project, u.phone,
               coalesce(@supplier::bigint, s.id),
               coalesce(g.id, gc.id),
               @batch, u.extra
        FROM import_unique u
        LEFT JOIN suppliers s ON lower(s.name) = lower(u.supplier_name)
        LEFT JOIN geos g ON upper(g.code) = upper(u.geo_name) OR lower(g.name) = lower(u.geo_name)
        LEFT JOIN geos gc ON u.geo_name IS NULL AND upper(gc.code) = u.country
        WHERE NOT EXISTS (SELECT 1 FROM import_skipped k WHERE k.phone = u.phone)
        ORDER BY u.phone
        """;
}
