using System.Globalization;

namespace PhoneCrm.Web.Features.Shared;

/// <summary>
/// A count that agrees with the word after it, for resource strings: the format names the word's forms.
/// <list type="bullet">
/// <item>Three forms are the Russian one/few/many: <c>{0:номер|номера|номеров}</c> gives "1 номер", "3 номера",
/// "5 номеров", "11 номеров", "21 номер".</item>
/// <item>Two forms are one/other, as in English: <c>{0:number|numbers}</c> gives "1 number", "5 numbers".</item>
/// <item>No format gives the number alone.</item>
/// </list>
/// The number is grouped in the culture's way (1 000 / 1,000). <see cref="AtLeast"/> marks a lower bound (a count
/// that stopped early), shown as "1 000+" with the many/other form.
/// </summary>
public readonly record struct Quantity(long Value, bool AtLeast = false) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var number = Value.ToString("N0", formatProvider ?? CultureInfo.CurrentCulture) + (AtLeast ? "+" : "");
        if (string.IsNullOrEmpty(format))
            return number;
        var forms = format.Split('|');
        return number + " " + forms[FormIndex(forms.Length)];
    }

    public override string ToString() => ToString(null, null);

    private int FormIndex(int forms)
    {
        if (forms == 1)
            return 0;
        var n = Math.Abs(Value);
        if (forms == 2)
            return n == 1 && !AtLeast ? 0 : 1;
        if (AtLeast)
            return 2;
        // CLDR's rule for Russian (and Ukrainian, Belarusian).
        var lastTwo = n % 100;
        var last = n % 10;
        if (last == 1 && lastTwo != 11)
            return 0;
        if (last is >= 2 and <= 4 && lastTwo is < 12 or > 14)
            return 1;
        return 2;
    }
}
