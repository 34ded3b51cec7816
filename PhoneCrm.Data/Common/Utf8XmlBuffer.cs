using System.Buffers;
using System.Text.Unicode;

namespace PhoneCrm.Data.Common;

/// <summary>
/// XML written straight as UTF-8 bytes into one reused buffer that is handed to <see cref="Stream"/> when
/// full: no element objects, no XmlWriter state checks and no string per cell, which is where an export's
/// time went when the sheet was written through the Open XML SDK's writer.
/// </summary>
internal sealed class Utf8XmlBuffer(Stream output)
{
    // Characters text content cannot hold as they are. \r is written as a reference, because a parser would
    // turn a raw \r\n into \n; characters XML 1.0 forbids outright become U+FFFD, where XmlWriter threw and
    // failed the whole export over one stray control character.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    /// <summary>Markup, already valid XML (tags, fixed text): copied as it is.</summary>
    public void WriteRaw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length - _used)
        {
            Flush();
            if (utf8.Length > _buffer.Length)
            {
                output.Write(utf8);
                return;
            }
        }
        utf8.CopyTo(_buffer.AsSpan(_used));
        _used += utf8.Length;
    }

    /// <summary>A whole number, as digits.</summary>
    public void WriteNumber(long value)
    {
        if (_buffer.Length - _used < 20)
            Flush();
        value.TryFormat(_buffer.AsSpan(_used), out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>Text content, escaped.</summary>
    public void WriteText(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(Special);
            WriteUtf8(special < 0 ? text : text[..special]);
            if (special < 0)
                return;
            WriteRaw(text[special] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '\r' => "&#13;"u8,
                _ => "\uFFFD"u8,
            });
            text = text[(special + 1)..];
        }
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>Text with nothing to escape; a lone surrogate becomes U+FFFD.</summary>
    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
            if (_buffer.Length - _used < Math.Min(text.Length, 1024) * 3)
                Flush();
            var chunk = text[..Math.Min(text.Length, (_buffer.Length - _used) / 3)];
            if (chunk.Length < text.Length && char.IsHighSurrogate(chunk[^1]))
                chunk = chunk[..^1]; // never split a pair between two chunks
            Utf8.FromUtf16(chunk, _buffer.AsSpan(_used), out var read, out var written);
            _used += written;
            text = text[read..];
        }
    }
}
