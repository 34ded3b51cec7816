using System.Diagnostics;
using System.Runtime;
using System.Text;
using PhoneCrm.Data.Imports.Files;
using Xunit.Abstractions;

namespace PhoneCrm.Tests.Data.Imports.Files;

[Collection(SerialMemoryCollection.Name)]
public sealed class ImportFileStreamingTests(ITestOutputHelper output) : IDisposable
{
    private const long MemoryBudget = 50L * 1024 * 1024;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_million_row_csv_streams_in_constant_memory()
    {
        const int rows = 1_000_000;
        var path = _folder.File("million.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("Телефон;Поставщик;Регион;ФИО;Комментарий\n");
            for (var i = 0; i < rows; i++)
            {
                // Every tenth comment is quoted over two lines, so row numbers drift from record numbers.
                writer.Write(i % 10 == 0
                    ? $"79{i:D9};Поставщик {i % 20};Москва;Иванов Иван {i};\"две\nстроки; {i}\"\n"
                    : $"79{i:D9};Поставщик {i % 20};Москва;Иванов Иван {i};комментарий {i}\n");
            }
        }

        var cold = Measure(path);
        var warm = Measure(path);

        Report("CSV", path, cold, warm);
        Assert.Equal(rows, warm.Count);
        Assert.Equal(rows + 1 + rows / 10, warm.Last.RowNumber);
        Assert.Equal(["79000999999", "Поставщик 19", "Москва", "Иванов Иван 999999", "комментарий 999999"], warm.Last.Cells.AsEnumerable());
        AssertWithinBudget(cold, warm);
    }

    [Fact]
    public void A_200k_row_xlsx_streams_in_constant_memory()
    {
        const int rows = 200_000;
        var path = _folder.File("numbers.xlsx");
        var write = Stopwatch.StartNew();

        // Inline strings, because ExcelDataReader keeps a workbook's shared-string table in memory: a file saved
        // by Excel costs memory in proportion to its distinct texts (about 60 MB for these 400,000), which is
        // that table's price, not the rows'. The rows themselves stream, which is what this measures.
        XlsxTestFile.Write(path, Enumerable.Range(0, rows + 1).Select(i => i == 0
            ? new object?[] { "Телефон", "Поставщик", "Регион", "ФИО", "Комментарий" }
            : [79_000_000_000d + i, $"Поставщик {i % 20}", "Москва", $"Иванов Иван {i}", $"комментарий {i}"]),
            sharedStrings: false);
        output.WriteLine($"XLSX written in {write.Elapsed.TotalSeconds:F1} s");

        var cold = Measure(path);
        var warm = Measure(path);

        Report("XLSX", path, cold, warm);
        Assert.Equal(rows, warm.Count);
        Assert.Equal(rows + 1, warm.Last.RowNumber);
        Assert.Equal(["79000200000", "Поставщик 0", "Москва", "Иванов Иван 200000", "комментарий 200000"], warm.Last.Cells.AsEnumerable());
        AssertWithinBudget(cold, warm);
    }

    /// <summary>
    /// Reads every row and samples the heap as it goes: the heap size after each garbage collection (what the
    /// GC keeps, so what a server would hold), and every 100,000 rows the live heap after a full collection.
    /// Allocated-but-uncollected garbage is left out: its ceiling is the GC's gen0 budget, not the reader.
    /// </summary>
    private static Measurement Measure(string path)
    {
        // The heap size below counts free space too, and tests that ran earlier in this process (an import keeps
        // megabyte-sized arrays) can leave holes in the large-object heap, which is not compacted unless asked:
        // compacting it once here keeps their holes out of this read's figure.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var measurement = new Measurement();
        var clock = Stopwatch.StartNew();
        var paused = TimeSpan.Zero;

        using var file = ImportFileReader.Open(path);
        foreach (var row in file.Rows())
        {
            measurement.Last = row;
            if (++measurement.Count % 10_000 == 0)
            {
                var pause = Stopwatch.StartNew();
                measurement.Peak = Math.Max(measurement.Peak, GC.GetGCMemoryInfo().HeapSizeBytes - baseline);
                measurement.Allocated = Math.Max(measurement.Allocated, GC.GetTotalMemory(false) - baseline);
                if (measurement.Count % 100_000 == 0)
                {
                    measurement.Peak = Math.Max(measurement.Peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }

                paused += pause.Elapsed;
            }
        }

        measurement.Elapsed = clock.Elapsed - paused;
        return measurement;
    }

    private static void AssertWithinBudget(params Measurement[] reads) => Assert.All(reads, read =>
        Assert.True(read.Peak < MemoryBudget, $"Peak managed heap {read.Peak / 1024 / 1024} MB is over the budget"));

    /// <summary>Cold is the first read in the process (JIT included), warm the next; speed is reported, not asserted.</summary>
    private void Report(string format, string path, Measurement cold, Measurement warm)
    {
        output.WriteLine($"{format}: {warm.Count:N0} rows, {new FileInfo(path).Length / 1024.0 / 1024:F0} MB on disk");
        foreach (var (name, read) in new[] { ("cold", cold), ("warm", warm) })
        {
            output.WriteLine(
                $"  {name}: {read.Elapsed.TotalSeconds:F2} s = {read.RowsPerSecond:N0} rows/s; heap kept over baseline " +
                $"{read.Peak / 1024.0 / 1024:F1} MB, with uncollected garbage {read.Allocated / 1024.0 / 1024:F1} MB");
        }
    }
}
