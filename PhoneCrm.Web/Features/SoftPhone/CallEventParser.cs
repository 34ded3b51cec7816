using System.Text.Json;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Core.SoftPhone;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// Turns a webhook body (one event object or an array of them) into validated events, or into errors keyed by
/// the field they are about (<c>phone</c>, <c>[3].startedAt</c>), for a 400 problem response. Either every
/// event is valid and all are stored, or none is: a sender fixes the batch and posts it again.
/// </summary>
public static class CallEventParser
{
    private const int MaxIdLength = 128;
    private const int MaxPhoneLength = 64;
    private const int MaxTextLength = 128;
    private const int MaxUrlLength = 2048;
    private const int MaxDurationSeconds = 7 * 24 * 3600;
    private static readonly DateTimeOffset _earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed record Result(IReadOnlyList<CallEvent> Events, Dictionary<string, string[]> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>Validates; the events' Phone is left null for <see cref="Normalize"/>, once their projects' countries are known.</summary>
    public static Result Parse(ReadOnlySpan<byte> body, int maxEvents, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        // System.Text.Json would drop a member whose name holds a broken byte, or keep a replacement character.
        if (FirstInvalidUtf8(body) is { } offset)
        {
            errors["body"] = [$"Not valid UTF-8 at byte {offset}: send the body as UTF-8 text."];
            return new Result([], errors);
        }
        CallEventJson?[] items;
        bool isArray;
        try
        {
            (items, isArray) = Deserialize(body);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            errors[field] = [PlainJsonError(field, e)];
            return new Result([], errors);
        }
        if (items.Length == 0)
            errors["body"] = ["Send at least one event."];
        if (items.Length > maxEvents)
            errors["body"] = [$"Send at most {maxEvents} events per request; this one has {items.Length}."];
        if (errors.Count > 0)
            return new Result([], errors);

        var events = new List<CallEvent>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var prefix = isArray ? $"[{i}]." : "";
            var item = items[i];
            if (item is null)
            {
                errors[isArray ? $"[{i}]" : "body"] = ["Expected an event object."];
                continue;
            }
            var validated = Validate(item, prefix, now, errors);
            if (validated is not null)
                events.Add(validated);
        }
        return new Result(errors.Count == 0 ? events : [], errors);
    }

    private static (CallEventJson?[] Items, bool IsArray) Deserialize(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith("\uFEFF"u8))
            trimmed = trimmed[3..].TrimStart(" \t\r\n"u8);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'[')
            return (JsonSerializer.Deserialize(trimmed, CallEventJsonContext.Default.CallEventJsonArray) ?? [], true);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'{')
            return ([JsonSerializer.Deserialize(trimmed, CallEventJsonContext.Default.CallEventJson)], false);
        throw new JsonException("Expected a JSON object (one event) or an array of events.", "$", null, null);
    }

    /// <summary>Adds each event's E.164 phone (null when its raw value is not a phone number), as imports normalise.</summary>
    /// <param name="countryFor">The default country for national-format phones, given the event's project id.</param>
    public static IReadOnlyList<CallEvent> Normalize(IReadOnlyList<CallEvent> events, Func<long?, string> countryFor) =>
        events.Select(e => PhoneNormalizer.Normalize(e.RawPhone, countryFor(e.ProjectId)) is { Ok: true } parsed
            ? e with { Phone = parsed.E164 }
            : e).ToList();

    private static CallEvent? Validate(CallEventJson item, string prefix, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        var eventId = Text(item.EventId, "eventId", MaxIdLength, required: true);
        var type = Choice<CallEventType>(item.Type, "type", "ringing, answered, ended or missed");
        var direction = Choice<CallDirection>(item.Direction, "direction", "inbound or outbound");
        var rawPhone = Text(item.Phone, "phone", MaxPhoneLength, required: true);
        var operatorName = Text(item.Operator, "operator", MaxTextLength, required: false);
        var result = Text(item.Result, "result", MaxTextLength, required: false);
        var recordingUrl = Text(item.RecordingUrl, "recordingUrl", MaxUrlLength, required: false);
        if (item.ProjectId is <= 0)
            Add("projectId", "Must be a positive project id.");
        if (item.StartedAt is not { } startedAt)
            Add("startedAt", "Required: when the call started, ISO 8601 with an offset.");
        else if (startedAt < _earliest || startedAt > now.AddDays(1))
            Add("startedAt", "Must be a real moment, not in the future.");
        if (item.DurationSeconds is < 0 or > MaxDurationSeconds)
            Add("durationSeconds", $"Must be between 0 and {MaxDurationSeconds}.");
        if (recordingUrl is not null && !(Uri.TryCreate(recordingUrl, UriKind.Absolute, out var uri)
                                          && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            Add("recordingUrl", "Must be an absolute http or https URL.");
        if (errors.Count > before)
            return null;

        return new CallEvent(eventId!, type!.Value, direction!.Value, rawPhone!, null,
            // Stored as UTC (timestamptz keeps the moment, not the sender's offset).
            operatorName, item.ProjectId, item.StartedAt!.Value.ToUniversalTime(), item.DurationSeconds ?? 0, result, recordingUrl);

        void Add(string field, string message) => errors[prefix + field] = [message];

        string? Text(string? value, string field, int maxLength, bool required)
        {
            var trimmed = value?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                if (required)
                    Add(field, "Required.");
                return null;
            }
            if (trimmed.Length > maxLength)
                Add(field, $"At most {maxLength} characters.");
            else if (!IsStorableText(trimmed))
                Add(field, "Contains control characters or broken Unicode.");
            return trimmed;
        }

        // By name only: Enum.TryParse would also take "answered,ended" (a flags combination) and numbers.
        T? Choice<T>(string? value, string field, string allowed) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, $"Required: {allowed}.");
                return null;
            }
            var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                Add(field, $"Must be {allowed}.");
                return null;
            }
            return Enum.Parse<T>(name);
        }
    }

    /// <summary>PostgreSQL text holds no NUL and UTF-8 holds no lone surrogate; other control characters have no place in these fields.</summary>
    private static bool IsStorableText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
                return false;
            if (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[++i])))
                return false;
            if (char.IsLowSurrogate(c))
                return false;
        }
        return true;
    }

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$').TrimStart('.');

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        if (System.Text.Unicode.Utf8.IsValid(body))
            return null;
        var offset = 0;
        while (System.Text.Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            offset += consumed;
        return offset;
    }

    /// <summary>What was expected where, in the contract's words: System.Text.Json's own messages name .NET types.</summary>
    private static string PlainJsonError(string field, JsonException e)
    {
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return "Not a member of a call event. The members are eventId, type, phone, direction, operator, projectId, " +
                   "startedAt, durationSeconds, result and recordingUrl.";
        var member = field[(field.LastIndexOf('.') + 1)..];
        var expected = member switch
        {
            "startedAt" => "an ISO 8601 moment with its offset, such as 2026-11-22T10:15:00+03:00",
            "projectId" => "a whole number (a project id), not in quotes",
            "durationSeconds" => "a whole number of seconds, not in quotes",
            "eventId" or "type" or "phone" or "direction" or "operator" or "result" or "recordingUrl" => "a string",
            _ => "a JSON object (one event) or an array of events",
        };
        return e.BytePositionInLine is { } position
            ? $"Not valid here (line {e.LineNumber + 1}, byte {position + 1}): expected {expected}."
            : $"Not valid here: expected {expected}.";
    }
}
