using System.Text;
using PhoneCrm.Data.Common;

namespace PhoneCrm.Benchmarks;

/// <summary>Writes the synthetic rows as a semicolon CSV (UTF-8, as Excel in a Russian locale saves) or an XLSX.</summary>
public static class ImportFileWriter
{
    public static void WriteCsv(string path, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(string.Join(';', ImportFileRows.Headers));
        foreach (var row in rows)
            writer.WriteLine(string.Join(';', row));
    }

    /// <summary>Row by row through XlsxStreamWriter (inline strings), so memory stays flat.</summary>
    public static void WriteXlsx(string path, IEnumerable<string[]> rows)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var workbook = new XlsxStreamWriter(file, "Numbers");
        workbook.WriteRow(ImportFileRows.Headers);
        foreach (var row in rows)
            workbook.WriteRow(row);
    }
}
