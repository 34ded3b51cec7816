using Npgsql;
using NpgsqlTypes;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Turns the supplier and geo texts of an import's rows into ids, asking PostgreSQL once per distinct text (a
/// file has a handful) so the staged rows carry ids and the insert joins nothing. The matching itself (case
/// rules, code or name) stays in SQL, where lower() and upper() are the database's own.
/// </summary>
internal sealed class ReferenceIds(ImportJob job)
{
    private readonly Dictionary<string, long?> _suppliers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _geosByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _geosByCountry = new(StringComparer.Ordinal);

    /// <summary>The supplier chosen for the whole file wins over the supplier column, as the import form says.</summary>
    public long? SupplierId(in CheckedRow row) =>
        job.Settings.SupplierId ?? (row.SupplierName is { } name ? _suppliers[name] : null);

    /// <summary>The geo column's geo; without that column, the geo of the phone's country.</summary>
    public long? GeoId(in CheckedRow row) => row.GeoName is { } name ? _geosByName[name]
        : row.Country is { } country ? _geosByCountry[country] : null;

    /// <summary>Learns the ids of the texts in <paramref name="chunk"/> not seen before, creating missing suppliers.</summary>
    public async Task ResolveAsync(NpgsqlConnection connection, List<CheckedRow> chunk, CancellationToken cancellationToken)
    {
        List<string> suppliers = [], geoNames = [], countries = [];
        foreach (var row in chunk)
        {
            if (row.Reason is not null)
                continue;
            // Suppliers are created from the column even when a fixed supplier is chosen, as before.
            if (row.SupplierName is { } supplier && _suppliers.TryAdd(supplier, null))
                suppliers.Add(supplier);
            if (row.GeoName is { } geo)
            {
                if (_geosByName.TryAdd(geo, null))
                    geoNames.Add(geo);
            }
            else if (row.Country is { } country && _geosByCountry.TryAdd(country, null))
            {
                countries.Add(country);
            }
        }

        if (suppliers.Count > 0)
        {
            await using (var create = Command(connection, ImportSql.CreateMissingSuppliers, suppliers))
                await create.ExecuteNonQueryAsync(cancellationToken);
            await ReadIdsAsync(Command(connection, ImportSql.SupplierIds, suppliers), _suppliers, cancellationToken);
        }
        if (geoNames.Count > 0)
            await ReadIdsAsync(Command(connection, ImportSql.GeoIdsByName, geoNames), _geosByName, cancellationToken);
        if (countries.Count > 0)
            await ReadIdsAsync(Command(connection, ImportSql.GeoIdsByCountry, countries), _geosByCountry, cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, List<string> texts)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts });
        return command;
    }

    /// <summary>Reads (text, id) rows; a text with no match keeps its null id.</summary>
    private static async Task ReadIdsAsync(NpgsqlCommand command, Dictionary<string, long?> ids, CancellationToken cancellationToken)
    {
        await using (command)
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                ids[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        }
    }
}
