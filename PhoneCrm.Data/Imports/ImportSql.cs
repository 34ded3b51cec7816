namespace PhoneCrm.Data.Imports;

/// <summary>
/// The statements of an import besides its COPYs (see <see cref="ChunkWriter"/>), all in one transaction. Most
/// run once per chunk of the file, on that chunk's texts or phones passed as an array.
/// </summary>
internal static class ImportSql
{
    // The statements run once per chunk and take milliseconds each; JIT-compiling one whose estimate passes
    // jit_above_cost (a chunk's tens of thousands of phones, each an index probe, can) would take longer than
    // running it.
    public const string NoJit = "SET LOCAL jit = off";

    public const string CreateMissingSuppliers = """
        INSERT INTO suppliers (name)
        SELECT DISTINCT ON (lower(t.name)) t.name FROM unnest(@texts::text[]) AS t(name)
        WHERE t.name <> ''
          AND NOT EXISTS (SELECT 1 FROM suppliers s WHERE lower(s.name) = lower(t.name))
        ON CONFLICT DO NOTHING
        """;

    public const string SupplierIds = """
        SELECT t.name, s.id FROM unnest(@texts::text[]) AS t(name) JOIN suppliers s ON lower(s.name) = lower(t.name)
        """;

    // A geo is named by its code or its name. Names need not be unique, so the code wins, then the oldest geo:
    // one id per text, where a join on "code or name" would have inserted the number once per matching geo.
    public const string GeoIdsByName = """
        SELECT t.name, (SELECT g.id FROM geos g
                        WHERE upper(g.code) = upper(t.name) OR lower(g.name) = lower(t.name)
                        ORDER BY upper(g.code) = upper(t.name) DESC, g.id LIMIT 1)
        FROM unnest(@texts::text[]) AS t(name)
        """;

    public const string GeoIdsByCountry = """
        SELECT t.code, g.id FROM unnest(@texts::text[]) AS t(code) JOIN geos g ON upper(g.code) = t.code
        """;

    // One probe of the partition's unique phone index per phone, in the chunk's (sorted) order. OFFSET 0 keeps
    // the EXISTS a per-row probe: pulled up into a join it could be planned as a hash join over the whole
    // project, once per chunk. COLLATE "C" is the index's collation, which the probe must use.
    public const string ExistingInProject = """
        SELECT t.phone FROM unnest(@phones::text[]) AS t(phone)
        WHERE EXISTS (SELECT 1 FROM numbers n WHERE n.project_id = @project AND n.phone = t.phone COLLATE "C" OFFSET 0)
        """;

    // One probe of phone_directory per phone, however many projects there are; rows of dropped projects linger
    // there until housekeeping, so only live projects count.
    public const string ExistingElsewhere = """
        SELECT t.phone FROM unnest(@phones::text[]) AS t(phone)
        WHERE EXISTS (SELECT 1 FROM phone_directory d JOIN projects p ON p.id = d.project_id AND p.deleted_at IS NULL
                      WHERE d.phone = t.phone COLLATE "C" AND d.project_id <> @project OFFSET 0)
        """;

    // Sequences are not transactional: this is the newest id handed out by anyone (before the first nextval,
    // last_value is the start value not yet given out), so every id this import gets is above the value read
    // before it and at most the value read after it.
    public const string LastNumberId = "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM numbers_id_seq";
}
