using System.Text.Json.Serialization;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>One call event as SoftPhone posts it: the webhook's JSON contract, published in its OpenAPI document. A member
/// the contract does not name is refused (400), so a misspelt one (projectld) cannot be dropped without a word.</summary>
public sealed class CallEventJson
{
    /// <summary>The sender's unique id of the event; a second post with the same id changes nothing.</summary>
    [JsonPropertyName("eventId")] public string? EventId { get; set; }

    /// <summary>ringing, answered, ended or missed.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }

    /// <summary>The other party's phone in any common format; normalised to E.164 as imports are.</summary>
    [JsonPropertyName("phone")] public string? Phone { get; set; }

    /// <summary>inbound or outbound.</summary>
    [JsonPropertyName("direction")] public string? Direction { get; set; }

    /// <summary>The operator's name or extension.</summary>
    [JsonPropertyName("operator")] public string? Operator { get; set; }

    /// <summary>When given, the call is linked only to the number in this project.</summary>
    [JsonPropertyName("projectId")] public long? ProjectId { get; set; }

    /// <summary>ISO 8601 with an offset, e.g. 2026-11-22T10:15:00+03:00.</summary>
    [JsonPropertyName("startedAt")] [JsonConverter(typeof(StrictOffsetConverter))] public DateTimeOffset? StartedAt { get; set; }

    [JsonPropertyName("durationSeconds")] public int? DurationSeconds { get; set; }

    /// <summary>The disposition, e.g. sale or callback; administrators map results to number statuses.</summary>
    [JsonPropertyName("result")] public string? Result { get; set; }

    [JsonPropertyName("recordingUrl")] public string? RecordingUrl { get; set; }
}

[JsonSerializable(typeof(CallEventJson))]
[JsonSerializable(typeof(CallEventJson[]))]
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow, AllowTrailingCommas = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class CallEventJsonContext : JsonSerializerContext;
