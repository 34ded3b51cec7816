namespace PhoneCrm.Benchmarks;

/// <summary>
/// Rows of a synthetic import file for the large project, as call centres receive them: phones written in the
/// usual Russian ways, a name and a supplier per row. About 5% of the phones are already in the project, 0.5%
/// repeat the row above in another spelling, and 1% are not phone numbers at all. New phones take the indexes
/// after <paramref name="firstNewIndex"/> in the project's phone space, so two files never share new numbers.
/// </summary>
public sealed class ImportFileRows(long projectSize, long projectOffset, long firstNewIndex)
{
    public static readonly string[] Headers = ["Телефон", "ФИО", "Поставщик"];

    private static readonly string[] _firstNames = ["Иван", "Мария", "Алексей", "Ольга", "Дмитрий", "Елена", "Сергей", "Анна", "Павел", "Наталья"];
    private static readonly string[] _lastNames = ["Иванов", "Смирнова", "Кузнецов", "Попова", "Васильев", "Петрова", "Соколов", "Морозова"];
    private static readonly string[] _suppliers = ["Supplier 01", "Supplier 02", "Supplier 03", "ЛидГен Сибирь"];
    private static readonly string[] _invalid = ["12-34", "+7 (912", "нет номера", "+999 123 4567", "8 800 ЗВОНИ", "0"];

    public IEnumerable<string[]> Generate(int rows)
    {
        var nextNew = firstNewIndex;
        var previous = "";
        for (var i = 0; i < rows; i++)
        {
            string phone;
            if (i % 100 == 37)
                phone = _invalid[i / 100 % _invalid.Length];
            else if (i % 200 == 11 && previous.Length > 0)
                phone = Spell(previous, i + 1);
            else
            {
                var index = i % 20 == 3 ? 1 + i * 7919L % projectSize : ++nextNew;
                previous = PhoneSpace.E164(index, projectOffset);
                phone = Spell(previous, i);
            }
            yield return [phone, $"{_lastNames[i % _lastNames.Length]} {_firstNames[i / 7 % _firstNames.Length]}", _suppliers[i % 97 % _suppliers.Length]];
        }
    }

    /// <summary>+79121234567 as a person or a system would have typed it.</summary>
    private static string Spell(string e164, int i)
    {
        var d = e164[2..]; // 10 digits after +7
        return (i % 10) switch
        {
            < 6 => $"+7 ({d[..3]}) {d[3..6]}-{d[6..8]}-{d[8..]}",
            < 8 => $"8 {d[..3]} {d[3..6]} {d[6..8]} {d[8..]}",
            8 => "7" + d,
            _ => $"8({d[..3]}){d[3..6]}-{d[6..8]}-{d[8..]}",
        };
    }
}
