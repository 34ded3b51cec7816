using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Tests.Core.Numbers;

/// <summary>The operator and time zones remembered by prefix are the library's for every number.</summary>
public sealed class PhoneFactsCacheTests
{
    private static readonly string[] _starts = ["+79", "+74", "+78", "+77", "+447", "+442", "+1", "+491", "+4930", "+375", "+380", "+998", "+86", "+800", "+55"];

    [Fact]
    public void Remembered_facts_are_the_librarys_for_every_number()
    {
        var random = new Random(2026);
        var mismatches = new List<string>();
        int checkedNumbers = 0, withOperator = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var raw = _starts[random.Next(_starts.Length)] + string.Concat(Enumerable.Range(0, random.Next(6, 11)).Select(_ => (char)('0' + random.Next(10))));
            var parsed = PhoneNormalizer.Normalize(raw, "RU");
            if (!parsed.Ok)
                continue;
            checkedNumbers++;
            var cached = PhoneFactsCache.For(parsed.E164!, parsed.NumberType!);
            var library = PhoneFactsCache.FromLibrary(parsed.E164!);
            if (cached.Operator is not null)
                withOperator++;
            if ((cached.Operator != library.Operator || !(cached.TimeZones ?? []).SequenceEqual(library.TimeZones ?? [])) && mismatches.Count < 10)
                mismatches.Add($"{parsed.E164}: {cached} but the library says {library}");
        }

        Assert.Empty(mismatches);
        // Enough numbers, and enough with an operator, for the comparison to prove something.
        Assert.InRange(checkedNumbers, 5_000, 40_000);
        Assert.InRange(withOperator, 1_000, 40_000);
    }

    [Fact]
    public void The_maps_key_lengths_are_read_from_this_version_of_the_library()
    {
        // Were the reflection to fail, every number would be its own group: right, but as slow as the library.
        var russia = MappingKeyLengths.For(7);
        Assert.True(russia.Known);
        Assert.True(MappingKeyLengths.For(44).Known);
        // A prefix decides before the whole number does, or the cache would share nothing.
        Assert.InRange(russia.DecidingDigits("79123456789"), 2, 9);
    }

    [Fact]
    public void A_kazakh_mobile_has_its_operator_and_zones()
    {
        var facts = PhoneFactsCache.For("+77012345678", NumberTypeCodes.Mobile);

        Assert.Equal("Kcell/Activ", facts.Operator);
        Assert.Contains("Asia/Almaty", facts.TimeZones!);
    }
}
