using System.Text;
using PhoneCrm.Web.Features.SoftPhone;

namespace PhoneCrm.Tests.Web.SoftPhone;

/// <summary>The webhook's parser takes exactly what the contract says: each field's valid values, and each kind of
/// invalid one refused under that field's name, in plain words.</summary>
public sealed class CallEventParserTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A valid event with one member set to <paramref name="json"/> (added when the event has no such member).</summary>
    private static string Event(string member, string json)
    {
        var members = new List<(string Name, string Json)>
        {
            ("eventId", "\"e-1\""), ("type", "\"ended\""), ("phone", "\"+79161234567\""), ("direction", "\"inbound\""),
            ("startedAt", "\"2026-11-22T10:15:00+03:00\""), ("durationSeconds", "95"),
        };
        members.RemoveAll(m => m.Name == member);
        members.Add((member, json));
        return "{" + string.Join(",", members.Select(m => $"\"{m.Name}\":{m.Json}")) + "}";
    }

    private static CallEventParser.Result Parse(string json) => CallEventParser.Parse(Encoding.UTF8.GetBytes(json), 1000, _now);

    [Theory]
    [InlineData("type", "\"answered\"")]
    [InlineData("type", "\"MISSED\"")]
    [InlineData("direction", "\"outbound\"")]
    [InlineData("startedAt", "\"2026-11-22T07:15:00Z\"")]
    [InlineData("startedAt", "\"2026-11-22T10:15:00.250+03:00\"")]
    [InlineData("projectId", "7")]
    [InlineData("durationSeconds", "0")]
    [InlineData("recordingUrl", "\"https://rec.example/1.mp3\"")]
    public void Valid_values_are_accepted(string member, string json)
    {
        var result = Parse(Event(member, json));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Single(result.Events);
    }

    [Theory]
    [InlineData("type", "\"answered,ended\"")]
    [InlineData("type", "\"ringing, missed\"")]
    [InlineData("type", "\"1\"")]
    [InlineData("type", "\"hungup\"")]
    [InlineData("direction", "\"inbound,outbound\"")]
    [InlineData("direction", "\"0\"")]
    [InlineData("startedAt", "\"2026-11-22T10:15:00\"")]
    [InlineData("startedAt", "\"2026-11-22\"")]
    [InlineData("startedAt", "\"yesterday\"")]
    [InlineData("startedAt", "1763799300")]
    [InlineData("projectId", "\"7\"")]
    [InlineData("projectId", "-3")]
    [InlineData("durationSeconds", "\"95\"")]
    [InlineData("durationSeconds", "-1")]
    [InlineData("durationSeconds", "9.5")]
    [InlineData("recordingUrl", "\"ftp://rec.example/1.mp3\"")]
    [InlineData("phone", "\"\"")]
    [InlineData("eventId", "42")]
    public void Each_invalid_kind_is_refused_under_the_fields_name_in_plain_words(string member, string json)
    {
        var result = Parse(Event(member, json));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(member, error.Key);
        Assert.DoesNotContain("System.", string.Join(" ", error.Value));
        Assert.DoesNotContain("`1", string.Join(" ", error.Value));
    }

    [Fact]
    public void A_member_the_contract_does_not_name_is_refused()
    {
        var result = Parse(Event("projectld", "7"));

        Assert.False(result.IsValid);
        Assert.Contains("projectld", result.Errors.Keys.Single());
        Assert.DoesNotContain("PhoneCrm", string.Join(" ", result.Errors.Values.SelectMany(v => v)));
    }

    [Fact]
    public void An_invalid_utf8_byte_anywhere_is_refused_with_its_offset()
    {
        var body = Encoding.UTF8.GetBytes(Event("projectId", "7"));
        var at = Encoding.UTF8.GetBytes(Event("projectId", "7").Split("projectId")[0]).Length + 5;
        body[at] = 0xFF;

        var result = CallEventParser.Parse(body, 1000, _now);

        Assert.False(result.IsValid);
        Assert.Contains($"byte {at}", result.Errors["body"].Single());
    }
}
