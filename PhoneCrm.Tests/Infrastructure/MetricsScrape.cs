using System.Globalization;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>One read of an app's /metrics, in Prometheus' text format, summed by name and label filter.</summary>
public sealed class MetricsScrape
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    private MetricsScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
                continue;
            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var brace = series.IndexOf('{');
            var (name, labels) = brace < 0 ? (series, "") : (series[..brace], series[brace..]);
            _samples.Add((name, labels, double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; }

    public static async Task<MetricsScrape> ReadAsync(AppProcess app)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/metrics answered {(int)response.StatusCode}: {text}");
        return new MetricsScrape(text);
    }

    /// <summary>The sum of the series named <paramref name="name"/> whose labels contain every one of <paramref name="labels"/>
    /// (written as Prometheus prints them: <c>outcome="stored"</c>); 0 when there is none yet.</summary>
    public double Sum(string name, params string[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);
}
