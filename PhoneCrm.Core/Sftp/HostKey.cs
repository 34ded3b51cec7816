using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PhoneCrm.Core.Sftp;

/// <summary>
/// An SSH server's public host key, as pinned for a supplier's SFTP endpoint. Connections trust exactly this
/// key: a server that presents any other key is refused.
/// </summary>
public sealed record HostKey(string Type, string Base64)
{
    /// <summary>"SHA256:..." exactly as <c>ssh-keygen -lf</c> and ssh's own prompts print it, so an
    /// administrator can compare it with what the supplier sends.</summary>
    public string Fingerprint =>
        "SHA256:" + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(Base64))).TrimEnd('=');

    /// <summary>
    /// Reads "ssh-ed25519 AAAA... [comment]" (a .pub file) or "host ssh-ed25519 AAAA... [comment]" (a
    /// known_hosts or ssh-keyscan line). The key blob must name the same type as the text does, which turns
    /// away a pasted fingerprint, a private key or a truncated line.
    /// </summary>
    public static HostKey Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start <= 1 && start + 1 < fields.Length; start++)
        {
            if (TryRead(fields[start], fields[start + 1]) is { } key)
                return key;
        }
        throw new FormatException(
            $"Not an SSH public key: \"{Shorten(line)}\". Expected \"type base64\" such as \"ssh-ed25519 AAAAC3Nza...\" " +
            "(a .pub file line), optionally preceded by a host name (a known_hosts or ssh-keyscan line).");
    }

    /// <summary>A key as an SSH server sends it in the key exchange: the public key blob, which names its own type.</summary>
    public static HostKey FromBlob(ReadOnlySpan<byte> blob) =>
        TryRead(TypeNamedIn(blob), Convert.ToBase64String(blob))
        ?? throw new FormatException("The server sent a host key that is not an SSH public key blob.");

    public override string ToString() => $"{Type} {Base64}";

    private static string TypeNamedIn(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 4)
            return "";
        var nameLength = BinaryPrimitives.ReadUInt32BigEndian(blob);
        return nameLength == 0 || nameLength > blob.Length - 4 ? "" : Encoding.ASCII.GetString(blob.Slice(4, (int)nameLength));
    }

    private static HostKey? TryRead(string type, string base64)
    {
        var blob = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, blob, out var length) || length < 4)
            return null;
        // The blob starts with its own key type as an SSH string: uint32 big-endian length, then the name.
        var nameLength = BinaryPrimitives.ReadUInt32BigEndian(blob);
        if (nameLength == 0 || nameLength > length - 4)
            return null;
        var name = Encoding.ASCII.GetString(blob, 4, (int)nameLength);
        return name == type && IsWholeFieldSequence(blob.AsSpan(0, length)) ? new HostKey(type, base64) : null;
    }

    /// <summary>Every public key format (ed25519, ecdsa, rsa, sk-*) is a run of length-prefixed fields that
    /// ends exactly at the blob's end, so a cut-off key fails here.</summary>
    private static bool IsWholeFieldSequence(ReadOnlySpan<byte> blob)
    {
        var fields = 0;
        while (blob.Length > 0)
        {
            if (blob.Length < 4)
                return false;
            var fieldLength = BinaryPrimitives.ReadUInt32BigEndian(blob);
            if (fieldLength > blob.Length - 4)
                return false;
            blob = blob[(4 + (int)fieldLength)..];
            fields++;
        }
        return fields >= 2;
    }

    private static string Shorten(string text)
    {
        var flat = text.Trim().ReplaceLineEndings(" ");
        return flat.Length <= 60 ? flat : flat[..60] + "…";
    }
}
