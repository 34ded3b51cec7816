using System.Text;

namespace PhoneCrm.Benchmarks;

/// <summary>The benchmark's results, printed as a Markdown table as they come and once more at the end.</summary>
public sealed class ResultTable
{
    private static readonly string[] _headers = ["measure", "value", "baseline", "ratio", "target", "pass/fail"];
    private readonly List<ResultRow> _rows = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  -> {row.Measure}: {row.Value}{(row.Baseline.Length > 0 ? $" (baseline {row.Baseline}, ratio {row.Ratio})" : "")}{Verdict(row.Pass) switch { "" => "", var v => " " + v }}");
    }

    public void Info(string measure, string value) => Add(new ResultRow(measure, value, "", "", "", null));

    public string ToMarkdown()
    {
        var cells = _rows.Select(r => new[] { r.Measure, r.Value, r.Baseline, r.Ratio, r.Target, Verdict(r.Pass) }).ToList();
        var widths = _headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        Line(text, _headers, widths);
        Line(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in cells)
            Line(text, row, widths);
        return text.ToString();
    }

    public int Failures => _rows.Count(r => r.Pass == false);

    private static string Verdict(bool? pass) => pass switch { true => "pass", false => "FAIL", null => "" };

    private static void Line(StringBuilder text, string[] cells, int[] widths) =>
        text.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).AppendLine(" |");
}
