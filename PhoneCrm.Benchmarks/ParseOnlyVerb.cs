using System.Diagnostics;
using System.Text.Json;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// The hidden verb <c>parse-only FILE</c>: what the import's client side costs alone — reading the file and
/// normalising every phone as the importer does (a block of rows at a time, on every core), and building each
/// row's extra JSON — with no database, to tell the importer's own CPU from PostgreSQL's. DOTNET_PROCESSOR_COUNT=1
/// in its environment measures it on one core.
/// </summary>
public static class ParseOnlyVerb
{
    public const string Name = "parse-only";

    // The importer's chunk (CheckedRowReader.ChunkRows).
    private const int BlockRows = 25_000;

    public static int Run(string[] args)
    {
        var started = Stopwatch.GetTimestamp();
        using var file = ImportFileReader.Open(args[0]);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var block = new List<SourceRow>(BlockRows);
        var phones = new List<string?>(BlockRows);
        var parsed = new PhoneParseResult[BlockRows];
        long rows = 0, accepted = 0;
        foreach (var row in file.Rows())
        {
            block.Add(row);
            if (block.Count == BlockRows)
                Check();
        }
        Check();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var result = new ChildResult(rows, seconds, PeakMemory.OfSelfKb(),
            $"{accepted:N0} phones valid, {Environment.ProcessorCount} threads", []);
        Console.WriteLine(ChildResult.LinePrefix + JsonSerializer.Serialize(result));
        return 0;

        void Check()
        {
            phones.Clear();
            foreach (var row in block)
                phones.Add(row.Cells[0]);
            PhoneBatchNormalizer.Normalize(phones, "RU", parsed);
            for (var i = 0; i < block.Count; i++)
            {
                if (parsed[i].Ok)
                    accepted++;
                buffer.Clear();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteString(file.Headers[1], block[i].Cells[1]);
                    json.WriteEndObject();
                }
                rows++;
            }
            block.Clear();
        }
    }
}
