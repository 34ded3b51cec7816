using PhoneCrm.Data.Numbers;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// Pages of 100 in the large project at several depths: keyset (NumberQueries.PageAsync from a cursor found once
/// with OFFSET) against the same query with OFFSET. Deep OFFSET pages take a second or more each, so they are
/// repeated fewer times; the table says how many.
/// </summary>
public sealed class KeysetBench(BenchDatabase database, long projectId)
{
    public const int KeysetRepetitions = 200;
    private const int WarmUp = 5;

    public static int OffsetRepetitions(long depth) => depth == 0 ? 200 : 20;

    public async Task<(Latencies Keyset, Latencies Offset)> MeasureAsync(long depth, int pageSize)
    {
        var queries = new NumberQueries(database.DataSource);
        var filter = new NumberFilter(projectId);
        NumberCursor? cursor = null;
        if (depth > 0)
        {
            var id = await database.ScalarAsync<long>(
                $"SELECT id FROM numbers WHERE project_id = {projectId} ORDER BY id DESC OFFSET {depth - 1} LIMIT 1");
            cursor = new NumberCursor(null, id);
        }
        var request = cursor is null ? PageRequest.First : PageRequest.Older;

        async Task KeysetAsync(int _)
        {
            var page = await queries.PageAsync(filter, NumberSort.Created, request, cursor, pageSize, CancellationToken.None);
            if (page.Rows.Count != pageSize)
                throw new InvalidOperationException($"A keyset page at depth {depth} had {page.Rows.Count} rows.");
        }

        async Task OffsetAsync(int _)
        {
            // The grid's own query, with OFFSET instead of the row-value predicate.
            await using var command = queries.BuildPageCommand(filter, NumberSort.Created, PageRequest.First, null, pageSize);
            command.CommandText += $" OFFSET {depth}";
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
                rows++;
            if (rows != pageSize)
                throw new InvalidOperationException($"An OFFSET page at depth {depth} had {rows} rows.");
        }

        await Latencies.MeasureAsync(WarmUp, KeysetAsync);
        var keyset = await Latencies.MeasureAsync(KeysetRepetitions, KeysetAsync);
        await Latencies.MeasureAsync(1, OffsetAsync);
        var offset = await Latencies.MeasureAsync(OffsetRepetitions(depth), OffsetAsync);
        return (keyset, offset);
    }
}
