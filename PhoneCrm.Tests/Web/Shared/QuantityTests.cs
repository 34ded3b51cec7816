using System.Globalization;
using System.Xml.Linq;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Shared;

namespace PhoneCrm.Tests.Web.Shared;

public sealed class QuantityTests
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData(0, "0 номеров")]
    [InlineData(1, "1 номер")]
    [InlineData(2, "2 номера")]
    [InlineData(4, "4 номера")]
    [InlineData(5, "5 номеров")]
    [InlineData(11, "11 номеров")]
    [InlineData(12, "12 номеров")]
    [InlineData(14, "14 номеров")]
    [InlineData(21, "21 номер")]
    [InlineData(22, "22 номера")]
    [InlineData(111, "111 номеров")]
    [InlineData(1001, "1 001 номер")]
    public void Russian_takes_the_one_few_or_many_form(long value, string expected) =>
        Assert.Equal(expected, Normalise(string.Format(Russian, "{0:номер|номера|номеров}", new Quantity(value))));

    [Theory]
    [InlineData(1, "1 number")]
    [InlineData(0, "0 numbers")]
    [InlineData(2, "2 numbers")]
    [InlineData(1500, "1,500 numbers")]
    public void English_takes_the_one_or_other_form(long value, string expected) =>
        Assert.Equal(expected, string.Format(English, "{0:number|numbers}", new Quantity(value)));

    [Fact]
    public void A_lower_bound_reads_with_a_plus_and_the_many_form_and_no_format_gives_the_number_alone()
    {
        Assert.Equal("1+ numbers", string.Format(English, "{0:number|numbers}", new Quantity(1, AtLeast: true)));
        Assert.Equal("1 000+ номеров", Normalise(string.Format(Russian, "{0:номер|номера|номеров}", new Quantity(1000, AtLeast: true))));
        Assert.Equal("Номеров: 12 345", Normalise(string.Format(Russian, "Номеров: {0}", new Quantity(12345))));
    }

    [Fact]
    public void Every_resource_string_formats_with_quantities_in_both_languages()
    {
        var arguments = Enumerable.Range(1, 6).Select(i => (object)new Quantity(i)).ToArray();
        foreach (var file in new[] { "Strings.resx", "Strings.ru.resx" })
        {
            var resx = Path.Combine(AppProcess.RepositoryRoot, "PhoneCrm.Web", "Resources", file);
            foreach (var data in XDocument.Load(resx).Root!.Elements("data"))
            {
                var value = (string)data.Element("value")!;
                var formatted = Record.Exception(() => string.Format(Russian, value, arguments));
                Assert.True(formatted is null, $"{file} {(string)data.Attribute("name")!}: {formatted?.Message}");
            }
        }
    }

    // The Russian group separator is a no-break space (U+00A0 or U+202F, by ICU version).
    private static string Normalise(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
