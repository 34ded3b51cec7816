using System.Text;
using Npgsql;
using NpgsqlTypes;
using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Data.Numbers;

/// <summary>
/// Keyset pages of one project's numbers. Every query names project_id, so it touches one partition, and
/// pages by a row-value comparison on an indexed key, so page 100,000 costs what page 1 costs.
/// Totals come from number_counts, never from count(*).
/// </summary>
public sealed class NumberQueries(NpgsqlDataSource dataSource)
{
    public const int MaxPrefixCount = 10_000;

    public const int FacetRows = 100_000;

    private const string Columns = """
        n.id, n.project_id, n.phone, n.supplier_id, s.name, n.geo_id, g.code, n.status, n.attempts,
        n.last_call_at, n.converted_at, n.import_batch_id, n.created_at, n.extra::text,
        n.country, n.number_type, n.operator, n.region, n.time_zones
        """;

    public async Task<NumberPage> PageAsync(NumberFilter filter, NumberSort sort, PageRequest request, NumberCursor? cursor,
        int size, CancellationToken cancellationToken)
    {
        await using var command = BuildPageCommand(filter, sort, request, cursor, size + 1);
        var rows = await ReadRowsAsync(command, cancellationToken);
        var more = rows.Count > size;
        if (more)
            rows.RemoveAt(rows.Count - 1);
        // Newer and Last read in ascending order to seek from the cursor; the grid shows newest first.
        var ascending = request is PageRequest.Newer or PageRequest.Last;
        if (ascending)
            rows.Reverse();
        return request switch
        {
            PageRequest.First => new NumberPage(rows, HasNewer: false, HasOlder: more),
            PageRequest.Older => new NumberPage(rows, HasNewer: true, HasOlder: more),
            PageRequest.Newer => new NumberPage(rows, HasNewer: more, HasOlder: true),
            _ => new NumberPage(rows, HasNewer: more, HasOlder: false),
        };
    }

    /// <summary>The SQL of a page, for tests that check its plan.</summary>
    public NpgsqlCommand BuildPageCommand(NumberFilter filter, NumberSort sort, PageRequest request, NumberCursor? cursor, int limit)
    {
        var command = dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM numbers n LEFT JOIN suppliers s ON s.id = n.supplier_id LEFT JOIN geos g ON g.id = n.geo_id WHERE ");
        AppendFilter(sql, filter, command);
        var key = sort == NumberSort.Created ? "(n.id)" : "(coalesce(n.last_call_at, '-infinity'::timestamptz), n.id)";
        if (cursor is not null && request is PageRequest.Older or PageRequest.Newer)
        {
            var cursorKey = sort == NumberSort.Created ? "(@cursor_id)" : "(coalesce(@cursor_at, '-infinity'::timestamptz), @cursor_id)";
            sql.Append($" AND {key} {(request == PageRequest.Older ? "<" : ">")} {cursorKey}");
            command.Parameters.Add(new NpgsqlParameter("cursor_id", NpgsqlDbType.Bigint) { Value = cursor.Id });
            if (sort == NumberSort.LastCall)
                command.Parameters.Add(new NpgsqlParameter("cursor_at", NpgsqlDbType.TimestampTz) { Value = (object?)cursor.LastCallAt ?? DBNull.Value });
        }
        var direction = request is PageRequest.Newer or PageRequest.Last ? "ASC" : "DESC";
        var order = sort == NumberSort.Created
            ? $"n.id {direction}"
            : $"coalesce(n.last_call_at, '-infinity'::timestamptz) {direction}, n.id {direction}";
        sql.Append($" ORDER BY {order} LIMIT {limit}");
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>
    /// The total for a filter, summed from the maintained counters. A phone prefix, country, type or operator is
    /// not in the counters, so with one the count is exact up to <see cref="MaxPrefixCount"/> and "at least that" beyond.
    /// </summary>
    public async Task<(long Count, bool Exact)> CountAsync(NumberFilter filter, CancellationToken cancellationToken)
    {
        if (filter.NeedsCappedCount)
        {
            await using var capped = dataSource.CreateCommand();
            var sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM numbers n WHERE ");
            AppendFilter(sql, filter, capped);
            sql.Append($" LIMIT {MaxPrefixCount + 1}) limited");
            capped.CommandText = sql.ToString();
            var count = (long)(await capped.ExecuteScalarAsync(cancellationToken))!;
            return (Math.Min(count, MaxPrefixCount), count <= MaxPrefixCount);
        }
        await using var command = dataSource.CreateCommand();
        var counts = new StringBuilder("SELECT coalesce(sum(n), 0)::bigint FROM number_counts WHERE project_id = @project");
        command.Parameters.Add(new NpgsqlParameter("project", NpgsqlDbType.Bigint) { Value = filter.ProjectId });
        if (filter.Status is { } status)
            Add(counts, command, " AND status = @status", "status", NpgsqlDbType.Smallint, (short)status);
        if (filter.SupplierId is { } supplier)
            Add(counts, command, " AND supplier_id = @supplier", "supplier", NpgsqlDbType.Bigint, supplier);
        if (filter.GeoId is { } geo)
            Add(counts, command, " AND geo_id = @geo", "geo", NpgsqlDbType.Bigint, geo);
        command.CommandText = counts.ToString();
        return ((long)(await command.ExecuteScalarAsync(cancellationToken))!, true);
    }

    /// <summary>
    /// The countries and operators of the project's last <see cref="FacetRows"/> numbers: distinct values of columns
    /// without an index would need a scan of the whole partition, and the last rows added (by the primary key)
    /// hold what the latest imports brought, which is what a user filters for.
    /// </summary>
    public async Task<NumberFacets> FacetsAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT country, operator, min(phone) FROM (
                SELECT country, operator, phone FROM numbers WHERE project_id = $1 ORDER BY id DESC LIMIT {FacetRows}) recent
            GROUP BY country, operator
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        var countries = new SortedSet<string>(StringComparer.Ordinal);
        var operators = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(0))
                countries.Add(reader.GetString(0));
            if (!reader.IsDBNull(1))
                operators.TryAdd(reader.GetString(1), reader.GetString(2));
        }
        return new NumberFacets([.. countries], [.. operators.Select(o => new OperatorOfNumbers(o.Key, o.Value))]);
    }

    public async Task<NumberRow?> GetAsync(long projectId, long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM numbers n LEFT JOIN suppliers s ON s.id = n.supplier_id LEFT JOIN geos g ON g.id = n.geo_id WHERE n.project_id = $1 AND n.id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (await ReadRowsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>A phone in every live project: one probe of the phone directory, then each number by its key.</summary>
    public async Task<IReadOnlyList<NumberRow>> FindByPhoneAsync(string e164, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(LookupSql);
        command.Parameters.Add(new NpgsqlParameter { Value = e164, NpgsqlDbType = NpgsqlDbType.Text });
        return await ReadRowsAsync(command, cancellationToken);
    }

    public const string LookupSql = $"""
        SELECT {Columns} FROM phone_directory d
        JOIN projects p ON p.id = d.project_id AND p.deleted_at IS NULL
        JOIN numbers n ON n.project_id = d.project_id AND n.id = d.number_id
        LEFT JOIN suppliers s ON s.id = n.supplier_id LEFT JOIN geos g ON g.id = n.geo_id
        WHERE d.phone = $1
        """;

    /// <summary>The conditions of a filter, its text values as parameters of <paramref name="command"/>.</summary>
    public static void AppendFilter(StringBuilder sql, NumberFilter filter, NpgsqlCommand command) =>
        AppendFilter(sql, filter, (name, value) =>
        {
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value });
            return "@" + name;
        });

    /// <summary>
    /// Appends the WHERE conditions of a filter, project first so the planner prunes to one partition. Numbers
    /// and digits are written as literals (COPY takes no parameters), so nothing a user typed reaches the SQL as
    /// text; text values (country, type, operator) go through <paramref name="bindText"/>, which is given a name
    /// and the value and returns the SQL that stands for it: a parameter, or a setting for COPY.
    /// </summary>
    public static void AppendFilter(StringBuilder sql, NumberFilter filter, Func<string, string, string> bindText)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        sql.Append(invariant, $" n.project_id = {filter.ProjectId}");
        if (filter.Status is { } status)
            sql.Append(invariant, $" AND n.status = {(short)status}");
        if (filter.SupplierId is { } supplier)
            sql.Append(invariant, $" AND n.supplier_id = {supplier}");
        if (filter.GeoId is { } geo)
            sql.Append(invariant, $" AND n.geo_id = {geo}");
        if (filter.NormalizedPrefix is { } prefix)
            sql.Append($" AND n.phone LIKE '{prefix}%'");
        if (!string.IsNullOrEmpty(filter.Country))
            sql.Append($" AND n.country = {bindText("filter_country", filter.Country)}");
        if (!string.IsNullOrEmpty(filter.NumberType))
            sql.Append($" AND n.number_type = {bindText("filter_type", filter.NumberType)}");
        if (!string.IsNullOrEmpty(filter.Operator))
            sql.Append($" AND n.operator = {bindText("filter_operator", filter.Operator)}");
    }

    private static void Add(StringBuilder sql, NpgsqlCommand command, string condition, string name, NpgsqlDbType type, object value)
    {
        sql.Append(condition);
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
    }

    private static async Task<List<NumberRow>> ReadRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<NumberRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NumberRow(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                (NumberStatus)reader.GetInt16(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetInt64(11),
                reader.GetFieldValue<DateTimeOffset>(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetString(15),
                reader.IsDBNull(16) ? null : reader.GetString(16), reader.IsDBNull(17) ? null : reader.GetString(17),
                reader.IsDBNull(18) ? null : reader.GetFieldValue<string[]>(18)));
        }
        return rows;
    }
}
