using Npgsql;

namespace PhoneCrm.Benchmarks;

/// <summary>Small SQL helpers over the benchmark's data source; every statement may run as long as it needs.</summary>
public sealed class BenchDatabase(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource => dataSource;

    public async Task<long> ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<List<long>> LongsAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetInt64(0));
        return values;
    }

    /// <summary>Creates projects the way the app stores them (with their partition) and returns their ids in order.</summary>
    public async Task<List<long>> CreateProjectsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        var ids = new List<long>();
        foreach (var name in names)
        {
            var id = await ScalarAsync<long>($"""
                INSERT INTO projects (name, default_country, schedule_days, window_start, window_end, schedule_time_zone,
                                      created_at, created_by, updated_at, updated_by)
                VALUES ('{name.Replace("'", "''")}', 'RU', 31, '09:00', '21:00', 'Europe/Moscow', now(), 'bench', now(), 'bench')
                RETURNING id
                """, cancellationToken);
            await ExecuteAsync($"SELECT create_numbers_partition({id})", cancellationToken);
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>Deletes a project for good as DeletedProjectsService does: partition detach and drop, then the row.</summary>
    public async Task DeleteProjectPermanentlyAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var drop = new NpgsqlCommand($"SELECT drop_numbers_partition({projectId})", connection, transaction))
            await drop.ExecuteNonQueryAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand($"DELETE FROM projects WHERE id = {projectId}", connection, transaction))
            await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
