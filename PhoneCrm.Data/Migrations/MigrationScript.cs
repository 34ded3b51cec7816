using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PhoneCrm.Data.Migrations;

/// <summary>One versioned SQL file embedded in this assembly, named NNNN_what_it_does.sql.</summary>
public sealed partial record MigrationScript(int Version, string FileName, string Sql, string Checksum)
{
    public static IReadOnlyList<MigrationScript> LoadEmbedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ScriptName().Match(resource);
            if (!match.Success)
                continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new(int.Parse(match.Groups["version"].Value), match.Groups["file"].Value, sql, checksum));
        }
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        var duplicate = ordered.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}.");
        return ordered;
    }

    [GeneratedRegex(@"\.Migrations\.(?<file>(?<version>\d{4})_[a-z0-9_]+\.sql)$")]
    private static partial Regex ScriptName();
}
