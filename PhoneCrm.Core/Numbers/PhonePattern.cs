namespace PhoneCrm.Core.Numbers;

/// <summary>
/// One of libphonenumber's number patterns as a tree, to learn how many leading digits decide it: a derivative by
/// a digit is the pattern of what may follow that digit, so a pattern whose derivative by a prefix accepts any
/// digits (or none) gives the same answer for every number that starts with that prefix and has that length.
/// Input is always digits, so a class is the set of digits it holds.
/// </summary>
internal abstract class PhonePattern
{
    public const int Unbounded = 1 << 20;
    private const ushort AllDigits = 0x3FF;

    public static readonly PhonePattern Nothing = new NothingPattern();
    public static readonly PhonePattern Empty = new EmptyPattern();

    /// <summary>True when the empty string matches.</summary>
    public abstract bool Nullable { get; }

    /// <summary>The most characters a match can take; <see cref="Unbounded"/> when there is no limit.</summary>
    public abstract int MaxLength { get; }

    /// <summary>
    /// How many leading characters decide a whole match of a string of a given length, for any string: past them
    /// the pattern asks only for digits. <see cref="Unbounded"/> when no number of them is enough.
    /// </summary>
    public abstract int Depth { get; }

    /// <summary>True when the answer for a string of a given length no longer depends on its digits.</summary>
    public abstract bool Decided { get; }

    public abstract PhonePattern Derive(int digit);

    public static PhonePattern Digits(ushort mask) => new DigitsPattern(mask);

    public static PhonePattern Seq(PhonePattern a, PhonePattern b) =>
        a == Nothing || b == Nothing ? Nothing : a == Empty ? b : b == Empty ? a : new SeqPattern(a, b);

    public static PhonePattern Alt(PhonePattern a, PhonePattern b) =>
        a == Nothing ? b : b == Nothing ? a : ReferenceEquals(a, b) ? a : new AltPattern(a, b);

    public static PhonePattern Repeat(PhonePattern e, int min, int max) =>
        max == 0 || e == Empty ? Empty : e == Nothing ? (min == 0 ? Empty : Nothing)
        : min == 1 && max == 1 ? e : new RepeatPattern(e, min, max);

    private static int Add(int a, int b) => Math.Min(Unbounded, a + b);

    private sealed class NothingPattern : PhonePattern
    {
        public override bool Nullable => false;
        public override int MaxLength => 0;
        public override int Depth => 0;
        public override bool Decided => true;
        public override PhonePattern Derive(int digit) => Nothing;
    }

    private sealed class EmptyPattern : PhonePattern
    {
        public override bool Nullable => true;
        public override int MaxLength => 0;
        public override int Depth => 0;
        public override bool Decided => true;
        public override PhonePattern Derive(int digit) => Nothing;
    }

    private sealed class DigitsPattern(ushort mask) : PhonePattern
    {
        public override bool Nullable => false;
        public override int MaxLength => 1;
        public override int Depth => mask == AllDigits ? 0 : 1;
        public override bool Decided => mask == AllDigits;
        public override PhonePattern Derive(int digit) => (mask & (1 << digit)) != 0 ? Empty : Nothing;
    }

    private sealed class SeqPattern(PhonePattern a, PhonePattern b) : PhonePattern
    {
        public override bool Nullable => a.Nullable && b.Nullable;
        public override int MaxLength { get; } = Add(a.MaxLength, b.MaxLength);
        // a ends within its longest match, and b is decided that many characters after its own start.
        public override int Depth { get; } = b.Depth == 0 ? a.Depth : Math.Max(a.Depth, Add(a.MaxLength, b.Depth));
        public override bool Decided => a.Decided && b.Decided;
        public override PhonePattern Derive(int digit) =>
            Alt(Seq(a.Derive(digit), b), a.Nullable ? b.Derive(digit) : Nothing);
    }

    private sealed class AltPattern(PhonePattern a, PhonePattern b) : PhonePattern
    {
        public override bool Nullable => a.Nullable || b.Nullable;
        public override int MaxLength { get; } = Math.Max(a.MaxLength, b.MaxLength);
        public override int Depth { get; } = Math.Max(a.Depth, b.Depth);
        public override bool Decided => a.Decided && b.Decided;
        public override PhonePattern Derive(int digit) => Alt(a.Derive(digit), b.Derive(digit));
    }

    private sealed class RepeatPattern(PhonePattern e, int min, int max) : PhonePattern
    {
        public override bool Nullable => min == 0 || e.Nullable;
        public override int MaxLength { get; } =
            max >= Unbounded ? (e.MaxLength == 0 ? 0 : Unbounded) : (int)Math.Min(Unbounded, (long)e.MaxLength * max);
        public override int Depth { get; } = e.Depth == 0 ? 0
            : max >= Unbounded ? Unbounded : (int)Math.Min(Unbounded, (long)(max - 1) * e.MaxLength + e.Depth);
        public override bool Decided => e.Decided;
        public override PhonePattern Derive(int digit) =>
            Seq(e.Derive(digit), Repeat(e, Math.Max(min - 1, 0), max >= Unbounded ? Unbounded : max - 1));
    }
}
