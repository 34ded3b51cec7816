using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Audit;

/// <summary>One field of an audit row as a person reads it: its title, and its value before and after (null: none).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// Turns an audit row's JSON (old and new values) into the fields that changed, titled and formatted in the user's
/// language: statuses by name, times in the display time zone, nothing shown twice. The stored JSON stays as it is (and is
/// exported as it is); this is only how the audit page and a number's history show it.
/// </summary>
public static class AuditChanges
{
    private const string FieldKeys = "Audit.Fields.";

    // Named even when unchanged: it says which object the row is about.
    private const string NameField = "name";

    public static IReadOnlyList<AuditChange> Of(string? oldJson, string? newJson, IStringLocalizer<Strings> l, DisplayTime time)
    {
        var before = Fields(oldJson);
        var after = Fields(newJson);
        var changes = new List<AuditChange>();
        foreach (var key in after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))))
        {
            var old = before.TryGetValue(key, out var o) ? Text(key, o, l, time) : null;
            var @new = after.TryGetValue(key, out var n) ? Text(key, n, l, time) : null;
            if (old == @new && before.ContainsKey(key) && after.ContainsKey(key) && key != NameField)
                continue;
            changes.Add(new AuditChange(LocalizedChoice.TitleOf(key, FieldKeys, l), old, @new));
        }
        return changes;
    }

    private static Dictionary<string, JsonElement> Fields(string? json)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
            return fields;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return fields;
        foreach (var property in document.RootElement.EnumerateObject())
            fields[property.Name] = property.Value.Clone();
        return fields;
    }

    private static string Text(string key, JsonElement value, IStringLocalizer<Strings> l, DisplayTime time) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.True => l["Common.Yes"],
        JsonValueKind.False => l["Common.No"],
        _ when key == "status" && StatusOf(value) is { } status => l["NumberStatus." + status],
        JsonValueKind.String when value.GetString() is { } text && LooksLikeTime(text, out var at) => time.Text(at),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(item => Text(key, item, l, time))),
        _ => value.GetRawText(),
    };

    // Statuses are stored by name by the app and by number by the call linker (SQL).
    private static NumberStatus? StatusOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt16(out var n) && Enum.IsDefined((NumberStatus)n) => (NumberStatus)n,
        JsonValueKind.String when Enum.TryParse<NumberStatus>(value.GetString(), ignoreCase: true, out var s) => s,
        _ => null,
    };

    private static bool LooksLikeTime(string text, out DateTimeOffset at)
    {
        at = default;
        return text.Length >= 19 && text[4] == '-' && text[10] == 'T'
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }
}
