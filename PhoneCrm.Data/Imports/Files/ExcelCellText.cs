using System.Globalization;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Writes a workbook cell's value as the text a user expects to see. Phones typed into Excel become numbers
/// (doubles): 79123456789 must come out as "79123456789", never "7.9123456789E+10".
/// </summary>
internal static class ExcelCellText
{
    // Whole doubles below 2^53 are exact; printing them digit by digit (up to 16 digits) is what Excel shows.
    private const double LargestExactWhole = 9_007_199_254_740_992d;

    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        double number => FormatNumber(number),
        bool flag => flag ? "TRUE" : "FALSE",
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan time => time.ToString("c", CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string FormatNumber(double number)
    {
        if (double.IsFinite(number) && Math.Abs(number) < LargestExactWhole && Math.Floor(number) == number)
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }

        // Excel shows 15 significant digits, so 0.30000000000000004 (0.1 + 0.2) reads as 0.3.
        return number.ToString("G15", CultureInfo.InvariantCulture);
    }
}
