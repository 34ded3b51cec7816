namespace PhoneCrm.Core.Numbers;

/// <summary>
/// Reads the small part of regex syntax that libphonenumber's metadata uses (digits, \d, classes, groups,
/// alternation, ?, *, +, {n,m}) into a <see cref="PhonePattern"/>; anything else is refused, and a country with
/// such a pattern is simply never cached.
/// </summary>
internal sealed class PhonePatternParser
{
    private readonly string _text;
    private int _at;

    private PhonePatternParser(string text) => _text = text;

    /// <returns>The tree, or null when the pattern uses syntax this parser does not know.</returns>
    public static PhonePattern? TryParse(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
            return null;
        try
        {
            var parser = new PhonePatternParser(pattern);
            var tree = parser.Alternation();
            return parser._at == pattern.Length ? tree : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private PhonePattern Alternation()
    {
        var tree = Sequence();
        while (_at < _text.Length && _text[_at] == '|')
        {
            _at++;
            tree = PhonePattern.Alt(tree, Sequence());
        }
        return tree;
    }

    private PhonePattern Sequence()
    {
        // Built right to left, so a sequence's depth reads as its first element's length plus the rest's depth.
        var items = new List<PhonePattern>();
        while (_at < _text.Length && _text[_at] is not ('|' or ')'))
            items.Add(Quantified(Atom()));
        var tree = PhonePattern.Empty;
        for (var i = items.Count - 1; i >= 0; i--)
            tree = PhonePattern.Seq(items[i], tree);
        return tree;
    }

    private PhonePattern Atom()
    {
        var c = _text[_at++];
        switch (c)
        {
            case '(':
                if (_at + 1 < _text.Length && _text[_at] == '?' && _text[_at + 1] == ':')
                    _at += 2;
                var inner = Alternation();
                Expect(')');
                return inner;
            case '[':
                return Class();
            case '\\':
                return _at < _text.Length && _text[_at++] == 'd' ? PhonePattern.Digits(0x3FF) : throw new FormatException();
            case '.':
                return PhonePattern.Digits(0x3FF);
            case >= '0' and <= '9':
                return PhonePattern.Digits((ushort)(1 << (c - '0')));
            case '~' or '#':
                // Characters a number never holds (IDD's wait-for-tone '~'): one character matching no digit.
                return PhonePattern.Digits(0);
            default:
                throw new FormatException();
        }
    }

    private PhonePattern Class()
    {
        var negated = _at < _text.Length && _text[_at] == '^';
        if (negated)
            _at++;
        ushort mask = 0;
        while (_at < _text.Length && _text[_at] != ']')
        {
            var c = _text[_at++];
            if (c == '\\' && _at < _text.Length && _text[_at] == 'd')
            {
                _at++;
                mask = 0x3FF;
            }
            else if (char.IsAsciiDigit(c) && _at + 1 < _text.Length && _text[_at] == '-' && char.IsAsciiDigit(_text[_at + 1]))
            {
                for (var d = c - '0'; d <= _text[_at + 1] - '0'; d++)
                    mask |= (ushort)(1 << d);
                _at += 2;
            }
            else if (char.IsAsciiDigit(c))
                mask |= (ushort)(1 << (c - '0'));
            else
                throw new FormatException();
        }
        Expect(']');
        return PhonePattern.Digits(negated ? (ushort)(~mask & 0x3FF) : mask);
    }

    private PhonePattern Quantified(PhonePattern atom)
    {
        if (_at >= _text.Length)
            return atom;
        int min, max;
        switch (_text[_at])
        {
            case '?': (min, max) = (0, 1); _at++; break;
            case '*': (min, max) = (0, PhonePattern.Unbounded); _at++; break;
            case '+': (min, max) = (1, PhonePattern.Unbounded); _at++; break;
            case '{':
                var end = _text.IndexOf('}', _at);
                if (end < 0)
                    throw new FormatException();
                var bounds = _text[(_at + 1)..end].Split(',');
                min = int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture);
                max = bounds.Length == 1 ? min
                    : bounds[1].Length == 0 ? PhonePattern.Unbounded
                    : int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture);
                _at = end + 1;
                break;
            default:
                return atom;
        }
        // Lazy and possessive quantifiers change which match is found, not whether: refused all the same.
        if (_at < _text.Length && _text[_at] is '?' or '+')
            throw new FormatException();
        return PhonePattern.Repeat(atom, min, max);
    }

    private void Expect(char c)
    {
        if (_at >= _text.Length || _text[_at] != c)
            throw new FormatException();
        _at++;
    }
}
