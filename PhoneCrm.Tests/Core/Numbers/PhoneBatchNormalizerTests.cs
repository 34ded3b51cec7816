using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Tests.Core.Numbers;

public sealed class PhoneBatchNormalizerTests
{
    [Theory]
    [InlineData("RU")]
    [InlineData("KZ")]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("DE")]
    public void A_block_normalised_on_every_core_gets_the_answers_of_one_by_one(string country)
    {
        var random = new Random(20);
        string[] prefixes = ["+7", "8", "7", "+44", "0", "+1", "1", "+49", "00", "810", "+375", "+998", "+86", ""];
        var cells = Enumerable.Range(0, 20_000).Select(i => i % 97 == 0 ? null
            : prefixes[random.Next(prefixes.Length)] + " " + random.NextInt64(0, 10_000_000_000).ToString("D" + random.Next(6, 12)))
            .ToList();
        var results = new PhoneParseResult[cells.Count];

        PhoneBatchNormalizer.Normalize(cells, country, results);

        for (var i = 0; i < cells.Count; i++)
            Assert.Equal(PhoneNormalizer.Normalize(cells[i], country), results[i]);
        // The mix must hold both kinds of answer, or the comparison would prove little.
        Assert.InRange(results.Count(r => r.Ok), 1_000, cells.Count - 1_000);
    }

    [Fact]
    public void A_block_shorter_than_the_results_fills_only_its_own_slots()
    {
        var results = new PhoneParseResult[4];

        PhoneBatchNormalizer.Normalize(["+79123456789", "abc"], "RU", results);

        Assert.Equal("+79123456789", results[0].E164);
        Assert.Equal(PhoneRejectReason.Letters, results[1].Reason);
        Assert.Equal(default, results[2]);
    }
}
