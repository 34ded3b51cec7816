using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// Reads a moment only when it names its offset ("2026-11-22T10:15:00+03:00" or "...Z"). System.Text.Json would read
/// "2026-11-22T10:15:00", even "2026-11-22", in the server's zone: a call would land hours off without a word.
/// </summary>
internal sealed class StrictOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] _formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    ];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException();
        var text = reader.GetString()!;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z')
                        || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !DateTimeOffset.TryParseExact(text, _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            throw new JsonException();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));
}
