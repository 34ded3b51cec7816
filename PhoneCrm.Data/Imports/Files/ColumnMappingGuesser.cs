using System.Text;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Guesses the column mapping from Russian and English headers, ignoring case, spaces and punctuation, and
/// when no header names the phone, from which column's values look like phone numbers. The user can change
/// the guess before the import starts.
/// </summary>
public static class ColumnMappingGuesser
{
    private const int PhoneField = 0;
    private const int SupplierField = 1;
    private const int GeoField = 2;
    private const int NameField = 3;
    private const int CommentField = 4;

    // Whole headers, normalised (lower case, letters and digits only, ё as е).
    private static readonly string[][] _exactNames =
    [
        ["телефон", "номер", "номертелефона", "тел", "мобильный", "мобильныйтелефон", "сотовый",
            "phone", "phonenumber", "number", "msisdn", "mobile", "tel", "telephone", "cell"],
        ["поставщик", "источник", "supplier", "vendor", "source"],
        ["гео", "регион", "город", "страна", "geo", "region", "city", "country"],
        ["фио", "имя", "клиент", "name", "fullname", "client"],
        ["комментарий", "примечание", "comment", "note", "notes"],
    ];

    // Words that name a field inside a longer header ("Телефон клиента", "Phone 2", "Комментарий менеджера").
    // Short or ambiguous words (номер, тел, имя) are left out: "Номер заказа" is no phone.
    private static readonly string[][] _keywords =
    [
        ["телефон", "phone", "msisdn", "мобильн"],
        ["поставщик", "supplier", "vendor"],
        ["регион", "region", "город", "city", "страна", "country"],
        ["фио", "fullname"],
        ["комментар", "примечан", "comment"],
    ];

    public static ColumnMapping Guess(IReadOnlyList<string> headers) => Guess(headers, []);

    /// <param name="headers">The file's column names.</param>
    /// <param name="preview">The first data rows, used only when no header names the phone.</param>
    public static ColumnMapping Guess(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> preview)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(preview);

        var normalised = headers.Select(Normalise).ToArray();
        int[] fields = [ColumnMapping.None, ColumnMapping.None, ColumnMapping.None, ColumnMapping.None, ColumnMapping.None];
        var taken = new bool[headers.Count];

        // Exact names win over words found inside other headers, wherever they stand.
        for (var column = 0; column < normalised.Length; column++)
        {
            var field = Array.FindIndex(_exactNames, names => names.Contains(normalised[column]));
            Assign(fields, taken, field, column);
        }

        for (var column = 0; column < normalised.Length; column++)
        {
            if (!taken[column])
            {
                Assign(fields, taken, FieldByKeyword(normalised[column]), column);
            }
        }

        if (fields[PhoneField] == ColumnMapping.None)
        {
            fields[PhoneField] = PhoneLikeColumn(headers.Count, preview, taken);
        }

        return new ColumnMapping(fields[PhoneField], fields[SupplierField], fields[GeoField], fields[NameField], fields[CommentField]);
    }

    private static void Assign(int[] fields, bool[] taken, int field, int column)
    {
        if (field >= 0 && fields[field] == ColumnMapping.None)
        {
            fields[field] = column;
            taken[column] = true;
        }
    }

    /// <summary>The field whose word starts earliest in the header: "Комментарий к телефону" is a comment.</summary>
    private static int FieldByKeyword(string header)
    {
        var best = -1;
        var bestAt = int.MaxValue;
        for (var field = 0; field < _keywords.Length; field++)
        {
            foreach (var word in _keywords[field])
            {
                var at = header.IndexOf(word, StringComparison.Ordinal);
                if (at >= 0 && at < bestAt)
                {
                    (best, bestAt) = (field, at);
                }
            }
        }

        return best;
    }

    private static int PhoneLikeColumn(int columns, IReadOnlyList<IReadOnlyList<string>> preview, bool[] taken)
    {
        if (preview.Count == 0)
        {
            return ColumnMapping.None;
        }

        for (var column = 0; column < columns; column++)
        {
            var phoneLike = preview.Count(row => column < row.Count && LooksLikePhone(row[column]));
            if (!taken[column] && phoneLike * 10 >= preview.Count * 6)
            {
                return column;
            }
        }

        return ColumnMapping.None;
    }

    /// <summary>10 to 15 digits and nothing but phone punctuation: dates and times (with : or /) do not pass.</summary>
    private static bool LooksLikePhone(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!char.IsWhiteSpace(c) && c is not ('+' or '-' or '(' or ')' or '.'))
            {
                return false;
            }
        }

        return digits is >= 10 and <= 15;
    }

    private static string Normalise(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c == 'ё' || c == 'Ё' ? 'е' : char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
