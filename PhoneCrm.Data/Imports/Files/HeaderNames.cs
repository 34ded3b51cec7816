using System.Globalization;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Turns a header row into names the import can use as keys (the unmapped columns are stored in jsonb under
/// them): trimmed, never blank, never repeated.
/// </summary>
internal static class HeaderNames
{
    public static IReadOnlyList<string> From(string?[] cells)
    {
        var names = new string[cells.Length];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cells.Length; i++)
        {
            var name = cells[i]?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                name = string.Format(CultureInfo.InvariantCulture, "Column {0}", i + 1);
            }

            var unique = name;
            for (var copy = 2; !seen.Add(unique); copy++)
            {
                unique = string.Format(CultureInfo.InvariantCulture, "{0} ({1})", name, copy);
            }

            names[i] = unique;
        }

        return names;
    }
}
