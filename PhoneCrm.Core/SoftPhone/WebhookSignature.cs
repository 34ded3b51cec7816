using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PhoneCrm.Core.SoftPhone;

/// <summary>
/// The webhook signature, as Stripe signs its webhooks: header <c>SoftPhone-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>,
/// where v1 is HMAC-SHA256 over <c>t + "." + raw body</c> with a shared secret. The timestamp is signed too, so a
/// captured request cannot be replayed outside the tolerance window; several v1 values may be sent, one per
/// secret, while a secret is being rotated.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "SoftPhone-Signature";

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Compute(ReadOnlySpan<byte> secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    public static string Header(ReadOnlySpan<byte> secret, long timestamp, ReadOnlySpan<byte> body) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Compute(secret, timestamp, body)}";

    /// <summary>Checks a header against every active secret; the comparison takes the same time wherever bytes differ.</summary>
    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> body, IReadOnlyList<byte[]> secrets,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
            return SignatureCheck.Missing;
        if (!TryParse(header, out var timestamp, out var signatures))
            return SignatureCheck.Malformed;
        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > tolerance.TotalSeconds)
            return SignatureCheck.Stale;

        var matched = false;
        Span<byte> expected = stackalloc byte[32];
        foreach (var secret in secrets)
        {
            Convert.FromHexString(Compute(secret, timestamp, body), expected, out _, out _);
            foreach (var signature in signatures)
                matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }
        return matched ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    private static bool TryParse(string header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        var haveTimestamp = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
                return false;
            var (key, value) = (part[..equals], part[(equals + 1)..]);
            if (key == "t")
                haveTimestamp = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
            else if (key == "v1" && value.Length == 64 && IsHex(value))
                signatures.Add(Convert.FromHexString(value));
        }
        return haveTimestamp && signatures.Count > 0;
    }

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);
}
