using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Tests.Core.Numbers;

/// <summary>
/// The normaliser remembers libphonenumber's answers by prefix (PhoneReadCache); these compare it with the library
/// asked afresh every time, on numbers that share prefixes the way a file's numbers do, so most answers are hits.
/// </summary>
public sealed class PhoneReadCacheTests
{
    private static readonly string[] _starts =
    [
        "+7 9", "8 9", "79", "+7 4", "8 4", "+7 7", "8 7", "77", "+7 8", "8 8", "+7 3", "+7 0", "+7 6", "+7 1",
        "+44 7", "07", "02", "447", "+1 ", "1", "(", "+49 1", "01", "0049", "00", "810", "8 10", "+375", "8 0",
        "+998", "+380", "0", "+86 1", "+39 3", "+39 0", "+33 6", "+55", "+81 90", "+61 4", "+54 9 11", "+52 1",
        "+91 9", "+800", "+882", "+999", "+0", "+8 9", "+28", "",
    ];

    [Theory]
    [InlineData("RU")]
    [InlineData("KZ")]
    [InlineData("BY")]
    [InlineData("UA")]
    [InlineData("UZ")]
    [InlineData("GB")]
    [InlineData("DE")]
    [InlineData("US")]
    [InlineData("CA")]
    [InlineData("IT")]
    [InlineData("AR")]
    [InlineData("MX")]
    [InlineData("BR")]
    [InlineData("JP")]
    [InlineData("CN")]
    [InlineData("IN")]
    [InlineData("XX")]
    public void Remembered_answers_are_the_librarys_for_every_number(string country)
    {
        var random = new Random(country.GetHashCode(StringComparison.Ordinal) & 0x7FFF);
        var mismatches = new List<string>();
        var accepted = 0;
        for (var i = 0; i < 30_000; i++)
        {
            var raw = _starts[random.Next(_starts.Length)] + Digits(random, random.Next(3, 13));
            var cached = PhoneNormalizer.Normalize(raw, country);
            if (cached.Ok)
                accepted++;
            var library = PhoneNormalizer.NormalizeWithoutCache(raw, country);
            if (cached != library && mismatches.Count < 10)
                mismatches.Add($"{raw}: {cached} but the library says {library}");
        }

        Assert.Empty(mismatches);
        // Both kinds of answer, or the comparison would prove little.
        Assert.InRange(accepted, 1_000, 29_000);
    }

    [Fact]
    public void A_hit_keeps_the_digits_of_its_own_number()
    {
        // The second shares the first's prefix and length, so it is answered from what the first taught.
        Assert.Equal("+79123456789", PhoneNormalizer.Normalize("8 912 345 67 89", "RU").E164);
        Assert.Equal("+79129876543", PhoneNormalizer.Normalize("8 912 987 65 43", "RU").E164);
        Assert.Equal("+390612345678", PhoneNormalizer.Normalize("06 1234 5678", "IT").E164);
        Assert.Equal("+390698765432", PhoneNormalizer.Normalize("06 9876 5432", "IT").E164);
    }

    private static string Digits(Random random, int count)
    {
        var digits = new char[count];
        for (var i = 0; i < count; i++)
            digits[i] = (char)('0' + random.Next(10));
        return new string(digits);
    }
}
