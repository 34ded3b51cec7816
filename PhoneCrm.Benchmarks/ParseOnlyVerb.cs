using System.Diagnostics;
using System.Text.Json;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// The hidden verb <c>parse-only FILE</c>: what the import's client side costs alone — reading the file and
/// normalising every phone as the importer does, and building each row's extra JSON — with no database, to
/// tell the importer's own CPU from PostgreSQL's.
/// </summary>
public static class ParseOnlyVerb
{
    public const string Name = "parse-only";

    public static int Run(string[] args)
    {
        var started = Stopwatch.GetTimestamp();
        using var file = ImportFileReader.Open(args[0]);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        long rows = 0, accepted = 0;
        foreach (var row in file.Rows())
        {
            if (PhoneNormalizer.Normalize(row.Cells[0], "RU").Ok)
                accepted++;
            buffer.Clear();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString(file.Headers[1], row.Cells[1]);
                json.WriteEndObject();
            }
            rows++;
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var result = new ChildResult(rows, seconds, PeakMemory.OfSelfKb(), $"{accepted:N0} phones valid", []);
        Console.WriteLine(ChildResult.LinePrefix + JsonSerializer.Serialize(result));
        return 0;
    }
}
