using System.Globalization;
using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Tests.Core.Numbers;

public sealed class PhoneFactNamesTests
{
    private static readonly CultureInfo _russian = new("ru-RU");
    private static readonly CultureInfo _english = new("en-US");

    [Fact]
    public void An_operator_is_named_in_russian_for_the_russian_ui_and_as_stored_in_english()
    {
        var english = PhoneFactsCache.FromLibrary("+77012345678").Operator;

        Assert.Equal("Kcell/Activ", PhoneFactNames.Operator("+77012345678", english, _english));
        Assert.NotNull(PhoneFactNames.Operator("+77012345678", english, _russian));
        Assert.Null(PhoneFactNames.Operator("+74951234567", null, _russian));
    }

    [Fact]
    public void A_moscow_number_is_placed_by_moscow_in_either_language()
    {
        Assert.Equal("Moscow", PhoneFactNames.Region("+74951234567", _english));
        Assert.StartsWith("Москов", PhoneFactNames.Region("+74951234567", _russian));
    }
}
