using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// libphonenumber's answers, remembered by the leading digits that decide them, so that an import pays for the
/// library once per prefix rather than once per row (it costs several times what reading a CSV row does). An
/// answer is kept only for the prefix proven to decide it for every number of the same length, project country
/// and '+', so a hit is exactly what the library would say:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>parsing consults the international prefix, the calling code, the trunk prefix (twice at most) and the
/// general pattern: a bound from the longest match of each (<see cref="ParsingBounds"/>) covers them, and past it
/// the national number is the text's own tail;</item>
/// <item>region, validity and type consult every pattern of the calling code: <see cref="CallingCodePatterns"/>
/// walks them along the national number until its prefix decides them all;</item>
/// <item>a '+' followed by no assigned calling code is refused whatever follows its first three digits;</item>
/// <item>a text that starts with its country's international prefix takes paths of the library's that this
/// reasoning does not cover, and is never cached.</item>
/// </list>
/// </remarks>
internal sealed class PhoneReadCache(PhoneNumberUtil util)
{
    // Enough for every prefix of a few countries' files (a few tens of MB at most); past it, answers come from the
    // library unremembered.
    private const int MaxNodes = 250_000;

    // Texts are at most this many digits (PhoneNormalizer's buffer), so a root per '+' or not and per length.
    private const int MaxDigits = 32;

    private readonly ConcurrentDictionary<string, Node?[]> _roots = new(StringComparer.Ordinal);
    // The last project country's roots, found by reference: the same country string comes row after row, and
    // hashing it for each of millions of rows would cost as much as the rest of a hit.
    // A class, so that another thread never sees one import's country with another's roots.
    private RegionRoots _lastRoots = new("", new Node?[2 * MaxDigits]);
    private readonly Dictionary<int, CallingCodePatterns> _patterns = [];
    private readonly ParsingBounds _parsing = new(util);
    private readonly Lock _learning = new();
    private int _nodes;

    /// <param name="text">'+' and digits, or digits alone.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(ReadOnlySpan<char> text, string? region, out PhoneParseResult result)
    {
        result = default;
        var international = text[0] == '+';
        var digits = international ? text[1..] : text;
        if (digits.Length >= MaxDigits || Volatile.Read(ref RootsOf(region ?? "")[Slot(international, digits.Length)]) is not { } node)
            return false;
        for (var i = 0; ; i++)
        {
            if (Volatile.Read(ref node.Answer) is { } answer)
            {
                result = answer.For(digits);
                return true;
            }
            if (i == digits.Length || Volatile.Read(ref node.Children) is not { } children
                || Volatile.Read(ref children[digits[i] - '0']) is not { } next)
                return false;
            node = next;
        }
    }

    public void Learn(ReadOnlySpan<char> text, string? region, LibraryReading reading)
    {
        var international = text[0] == '+';
        if (region is null && !international)
            return;
        var digits = international ? text[1..] : text;
        if (digits.Length >= MaxDigits)
            return;
        lock (_learning)
        {
            if (_nodes >= MaxNodes)
                return;
            if (reading.UnknownCallingCode)
            {
                // After a '+': none of the first three digits' prefixes is an assigned code. The library then reads
                // the digits as national: from the project country's international prefix it would find a number
                // ("+00 44 …"), so those are left alone; otherwise it can only find the country's own code at their
                // start, which is an assigned one. So the refusal stands for every text with those first digits.
                var decidingDigits = Math.Max(3, region is null ? 0 : _parsing.InternationalPrefixLength(region));
                if (international && decidingDigits < digits.Length && (region is null || !_parsing.StartsWithInternationalPrefix(region, digits)))
                    Store(Root(region, true, digits.Length), digits[..decidingDigits], new Answer(reading.Result, null, 0));
                return;
            }
            if (!international && _parsing.StartsWithInternationalPrefix(region!, digits))
                return;
            int countryCode;
            if (reading.NationalNumber is not null)
                countryCode = reading.CountryCode;
            else if (!international)
                countryCode = util.GetCountryCodeForRegion(region);
            else
                return; // A '+' text the library refused before telling its calling code.

            var parsing = _parsing.Digits(region ?? "", international, countryCode);
            if (parsing >= digits.Length)
                return;
            var depth = parsing;
            var answer = reading.NationalNumber is { } national
                ? AnswerFor(reading, digits, parsing, national, out depth)
                : new Answer(reading.Result, null, 0);
            if (answer is null)
                return;
            if (depth >= digits.Length)
                return;
            Store(Root(region, international, digits.Length), digits[..depth], answer);
        }
    }

    /// <summary>An accepted or refused parsed number, written as its fixed start and the text's own tail.</summary>
    private Answer? AnswerFor(LibraryReading reading, ReadOnlySpan<char> digits, int parsing, string national, out int deciding)
    {
        deciding = 0;
        var tail = digits[parsing..];
        if (national.Length < tail.Length || !national.AsSpan().EndsWith(tail))
            return null;
        var head = national[..(national.Length - tail.Length)];
        if (Patterns(reading.CountryCode).DecidingDigits(national) is not { } decided)
            return null;
        deciding = parsing + Math.Max(0, decided - head.Length);
        return reading.Result.Ok
            ? new Answer(reading.Result, "+" + reading.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + head, parsing)
            : new Answer(reading.Result, null, 0);
    }

    private Node?[] RootsOf(string region)
    {
        var last = _lastRoots;
        if (ReferenceEquals(last.Region, region))
            return last.Roots;
        var roots = _roots.GetOrAdd(region, _ => new Node?[2 * MaxDigits]);
        _lastRoots = new RegionRoots(region, roots);
        return roots;
    }

    private static int Slot(bool international, int length) => (international ? MaxDigits : 0) + length;

    /// <summary>Called while learning, under its lock.</summary>
    private Node Root(string? region, bool international, int length)
    {
        var roots = RootsOf(region ?? "");
        var slot = Slot(international, length);
        if (roots[slot] is { } root)
            return root;
        Volatile.Write(ref roots[slot], root = new Node());
        return root;
    }

    private void Store(Node node, ReadOnlySpan<char> prefix, Answer answer)
    {
        foreach (var c in prefix)
        {
            if (node.Answer is not null)
                return; // A shorter prefix already decides: the same answer.
            var children = node.Children;
            if (children is null)
                Volatile.Write(ref node.Children, children = new Node?[10]);
            var next = children[c - '0'];
            if (next is null)
            {
                Volatile.Write(ref children[c - '0'], next = new Node());
                _nodes++;
            }
            node = next;
        }
        Volatile.Write(ref node.Answer, answer);
    }

    private CallingCodePatterns Patterns(int countryCode)
    {
        if (!_patterns.TryGetValue(countryCode, out var patterns))
            _patterns[countryCode] = patterns = CallingCodePatterns.For(util, countryCode);
        return patterns;
    }

    private sealed record RegionRoots(string Region, Node?[] Roots);

    private sealed class Node
    {
        public Answer? Answer;
        public Node?[]? Children;
    }

    /// <summary>A refusal as it was, or an acceptance whose E.164 is a fixed start and the text's tail from a position.</summary>
    private sealed class Answer(PhoneParseResult result, string? start, int tailFrom)
    {
        public PhoneParseResult For(ReadOnlySpan<char> digits) => start is null ? result
            : PhoneParseResult.Accepted(string.Concat(start, digits[tailFrom..]), result.CountryIso2!, result.NumberType!);
    }
}
