using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Tests.Core.Numbers;

public sealed class CallingCodesTests
{
    // What Find matches on: the code, or for the +7 split the code followed by each of the row's next digits.
    private static IEnumerable<(string Prefix, CallingCode Row)> MatchPrefixes() =>
        CallingCodes.All.SelectMany(row => row.NextDigits is null
            ? [(row.Code, row)]
            : row.NextDigits.Select(next => (row.Code + next, row)));

    [Fact]
    public void No_code_repeats_or_starts_another_except_the_documented_plus_7_split()
    {
        var prefixes = MatchPrefixes().ToList();

        var clashes =
            from i in Enumerable.Range(0, prefixes.Count)
            from j in Enumerable.Range(0, prefixes.Count)
            let a = prefixes[i]
            let b = prefixes[j]
            where i != j && b.Prefix.StartsWith(a.Prefix, StringComparison.Ordinal)
            where !(a.Row.Code == "7" && b.Row.Code == "7" && a.Prefix.Length != b.Prefix.Length)
            select $"{a.Prefix} ({a.Row.Iso2}) / {b.Prefix} ({b.Row.Iso2})";

        Assert.Empty(clashes);
        Assert.Equal(["7", "76", "77"], prefixes.Where(p => p.Row.Code == "7").Select(p => p.Prefix).Order());
    }

    [Fact]
    public void Each_country_has_one_row_and_every_sharing_country_points_at_one()
    {
        var countries = CallingCodes.All.Select(row => row.Iso2).ToList();

        Assert.Equal(countries.Count, countries.Distinct().Count());
        foreach (var (iso2, main) in CallingCodes.SharedCodeMembers)
        {
            Assert.DoesNotContain(iso2, countries);
            Assert.Same(CallingCodes.ForCountry(main), CallingCodes.ForCountry(iso2));
        }
    }

    [Fact]
    public void Every_row_is_well_formed()
    {
        foreach (var row in CallingCodes.All)
        {
            Assert.Matches("^[1-9][0-9]{0,2}$", row.Code);
            Assert.Matches("^[A-Z]{2}$", row.Iso2);
            Assert.InRange(row.MinNsn, 4, row.MaxNsn);
            Assert.InRange(row.Code.Length + row.MaxNsn, 8, PhoneNormalizer.MaxE164Digits);
            if (row.Trunk is not null)
                Assert.Matches("^[0-9]+(\\|[0-9]+)*$", row.Trunk);
            if (row.IntlPrefix is not null)
                Assert.Matches("^[0-9]{3,4}$", row.IntlPrefix);
        }
    }

    [Fact]
    public void The_table_covers_ITU_s_assigned_geographic_codes()
    {
        // 206 geographic codes were assigned when the table was written; far fewer means rows went missing.
        Assert.InRange(CallingCodes.All.Select(row => row.Code).Distinct().Count(), 200, 215);
        foreach (var code in new[] { "1", "7", "20", "44", "49", "86", "91", "90", "375", "380", "998", "992", "993", "996", "994", "995", "374", "373" })
            Assert.Contains(CallingCodes.All, row => row.Code == code);
    }

    [Theory]
    [InlineData("79123456789", "RU")]
    [InlineData("74951234567", "RU")]
    [InlineData("78005553535", "RU")]
    [InlineData("77012345678", "KZ")]
    [InlineData("76001234567", "KZ")]
    [InlineData("12125550123", "US")]
    [InlineData("375291234567", "BY")]
    [InlineData("2", null)]
    [InlineData("80012345678", null)]
    public void The_longest_matching_prefix_names_the_country(string digits, string? iso2) =>
        Assert.Equal(iso2, CallingCodes.Find(digits)?.Iso2);

    [Theory]
    [InlineData("RU", "7")]
    [InlineData("kz", "7")]
    [InlineData("CA", "1")]
    [InlineData("JE", "44")]
    [InlineData("XX", null)]
    [InlineData("R", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_project_country_finds_its_calling_code(string? iso2, string? code) =>
        Assert.Equal(code, CallingCodes.ForCountry(iso2)?.Code);
}
