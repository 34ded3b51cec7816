using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Tests.Core.Numbers;

public sealed class PhoneNormalizerTests
{
    [Theory]
    // Russia: every way Russian files write one mobile number.
    [InlineData("+7 (912) 345-67-89", "RU", "+79123456789", "RU")]
    [InlineData("8 912 345 67 89", "RU", "+79123456789", "RU")]
    [InlineData("8(912)345-67-89", "RU", "+79123456789", "RU")]
    [InlineData("89123456789", "RU", "+79123456789", "RU")]
    [InlineData("79123456789", "RU", "+79123456789", "RU")]
    [InlineData("9123456789", "RU", "+79123456789", "RU")]
    [InlineData("(912) 345-67-89", "RU", "+79123456789", "RU")]
    [InlineData("+7-912-345-67-89", "RU", "+79123456789", "RU")]
    [InlineData("+7.912.345.67.89", "RU", "+79123456789", "RU")]
    [InlineData("+7/912/345-67-89", "RU", "+79123456789", "RU")]
    [InlineData("+7\u00A0912\u00A0345\u00A067\u00A089", "RU", "+79123456789", "RU")]
    [InlineData("+7\u2007912\u202F345\u200967\u200B89", "RU", "+79123456789", "RU")]
    [InlineData("  +7 912 345 67 89 \t\r\n", "RU", "+79123456789", "RU")]
    [InlineData("\uFEFF+79123456789\u200E", "RU", "+79123456789", "RU")]
    [InlineData("7.9123456789E10", "RU", "+79123456789", "RU")]
    [InlineData("7,9123456789E+10", "RU", "+79123456789", "RU")]
    [InlineData("7.9123456789e+10", "RU", "+79123456789", "RU")]
    [InlineData("79123456789.0", "RU", "+79123456789", "RU")]
    [InlineData("79123456789,00", "RU", "+79123456789", "RU")]
    [InlineData("7.912345E10", "RU", "+79123450000", "RU")]
    [InlineData("79123456789E0", "RU", "+79123456789", "RU")]
    [InlineData("tel:+79123456789", "RU", "+79123456789", "RU")]
    [InlineData("TEL:89123456789", "RU", "+79123456789", "RU")]
    [InlineData("'79123456789", "RU", "+79123456789", "RU")]
    [InlineData("\"+7 912 345 67 89\"", "RU", "+79123456789", "RU")]
    [InlineData("=\"79123456789\"", "RU", "+79123456789", "RU")]
    [InlineData("«89123456789»", "RU", "+79123456789", "RU")]
    [InlineData("\uFF18\uFF19\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19", "RU", "+79123456789", "RU")]
    [InlineData("\uFF0B7 912 345 67 89", "RU", "+79123456789", "RU")]
    [InlineData("+8 912 345 67 89", "RU", "+79123456789", "RU")]
    [InlineData("+7 8 912 345 67 89", "RU", "+79123456789", "RU")]
    [InlineData("+7 912 345 67 89", "ru", "+79123456789", "RU")]
    [InlineData("+7 (495) 123-45-67", "RU", "+74951234567", "RU")]
    [InlineData("8 800 555 35 35", "RU", "+78005553535", "RU")]
    [InlineData("8 (8652) 12-34-56", "RU", "+78652123456", "RU")]
    [InlineData("810 44 20 7946 0958", "RU", "+442079460958", "GB")]
    [InlineData("8-10-375-29-123-45-67", "RU", "+375291234567", "BY")]
    // Kazakhstan: +76 and +77 are Kazakh, the rest of +7 Russian, whatever the project's country.
    [InlineData("+7 701 234 56 78", "RU", "+77012345678", "KZ")]
    [InlineData("77012345678", "RU", "+77012345678", "KZ")]
    [InlineData("8 701 234 56 78", "KZ", "+77012345678", "KZ")]
    [InlineData("7012345678", "KZ", "+77012345678", "KZ")]
    [InlineData("8 727 234 56 78", "KZ", "+77272345678", "KZ")]
    [InlineData("+7 747 123 45 67", "KZ", "+77471234567", "KZ")]
    [InlineData("89123456789", "KZ", "+79123456789", "RU")]
    // Belarus
    [InlineData("+375 (29) 123-45-67", "RU", "+375291234567", "BY")]
    [InlineData("375291234567", "RU", "+375291234567", "BY")]
    [InlineData("8 029 123 45 67", "BY", "+375291234567", "BY")]
    [InlineData("80291234567", "BY", "+375291234567", "BY")]
    [InlineData("+375 (029) 123-45-67", "BY", "+375291234567", "BY")]
    [InlineData("029 123-45-67", "BY", "+375291234567", "BY")]
    [InlineData("291234567", "BY", "+375291234567", "BY")]
    [InlineData("8 017 123 45 67", "BY", "+375171234567", "BY")]
    // Ukraine: "+38" and the 0 of the operator code make +380 when the digits are joined.
    [InlineData("+38 (050) 123-45-67", "RU", "+380501234567", "UA")]
    [InlineData("+380 50 123 4567", "RU", "+380501234567", "UA")]
    [InlineData("050 123 45 67", "UA", "+380501234567", "UA")]
    [InlineData("380501234567", "UA", "+380501234567", "UA")]
    [InlineData("8 050 123 45 67", "UA", "+380501234567", "UA")]
    // Uzbekistan: mobile codes 88 and 33 must not lose their 8 or read as a trunk prefix.
    [InlineData("+998 90 123 45 67", "RU", "+998901234567", "UZ")]
    [InlineData("998901234567", "RU", "+998901234567", "UZ")]
    [InlineData("8 90 123 45 67", "UZ", "+998901234567", "UZ")]
    [InlineData("901234567", "UZ", "+998901234567", "UZ")]
    [InlineData("+998 (88) 123-45-67", "UZ", "+998881234567", "UZ")]
    [InlineData("88 123 45 67", "UZ", "+998881234567", "UZ")]
    // United Kingdom
    [InlineData("020 7946 0958", "GB", "+442079460958", "GB")]
    [InlineData("00 44 20 7946 0958", "GB", "+442079460958", "GB")]
    [InlineData("00 44 20 7946 0958", "RU", "+442079460958", "GB")]
    [InlineData("+44 (0) 20 7946 0958", "RU", "+442079460958", "GB")]
    [InlineData("07400 123456", "GB", "+447400123456", "GB")]
    [InlineData("447400123456", "GB", "+447400123456", "GB")]
    [InlineData("7400 123456", "GB", "+447400123456", "GB")]
    // +44 7911 is a Guernsey mobile range: the library tells the Crown Dependencies from Great Britain.
    [InlineData("07911 123456", "GB", "+447911123456", "GG")]
    // Germany
    [InlineData("+49 30 12345678", "DE", "+493012345678", "DE")]
    [InlineData("030 12345678", "DE", "+493012345678", "DE")]
    [InlineData("0049 30 12345678", "DE", "+493012345678", "DE")]
    [InlineData("0151 12345678", "DE", "+4915112345678", "DE")]
    [InlineData("+49 (0)151 1234 5678", "RU", "+4915112345678", "DE")]
    // NANP: the area code tells Canada from the US, whichever the project's country.
    [InlineData("(212) 555-0123", "US", "+12125550123", "US")]
    [InlineData("1-212-555-0123", "US", "+12125550123", "US")]
    [InlineData("212.555.0123", "US", "+12125550123", "US")]
    [InlineData("+1 212 555 0123", "RU", "+12125550123", "US")]
    [InlineData("011 44 20 7946 0958", "US", "+442079460958", "GB")]
    [InlineData("416-555-0123", "CA", "+14165550123", "CA")]
    [InlineData("416-555-0123", "US", "+14165550123", "CA")]
    [InlineData("+1 416 555 0123", "RU", "+14165550123", "CA")]
    // China
    [InlineData("+86 138 0013 8000", "RU", "+8613800138000", "CN")]
    [InlineData("13800138000", "CN", "+8613800138000", "CN")]
    [InlineData("8613800138000", "CN", "+8613800138000", "CN")]
    [InlineData("010 1234 5678", "CN", "+861012345678", "CN")]
    // India: a national number starting 91 is not read as +91.
    [InlineData("+91 98765 43210", "RU", "+919876543210", "IN")]
    [InlineData("098765 43210", "IN", "+919876543210", "IN")]
    [InlineData("919876543210", "IN", "+919876543210", "IN")]
    [InlineData("9123456789", "IN", "+919123456789", "IN")]
    // Turkey
    [InlineData("+90 532 123 45 67", "RU", "+905321234567", "TR")]
    [InlineData("0532 123 45 67", "TR", "+905321234567", "TR")]
    [InlineData("905321234567", "TR", "+905321234567", "TR")]
    [InlineData("5321234567", "TR", "+905321234567", "TR")]
    // France, Italy (whose national numbers keep their leading 0), Spain, Poland
    [InlineData("06 12 34 56 78", "FR", "+33612345678", "FR")]
    [InlineData("+33 (0)6 12 34 56 78", "RU", "+33612345678", "FR")]
    [InlineData("06 1234 5678", "IT", "+390612345678", "IT")]
    [InlineData("+39 312 345 6789", "RU", "+393123456789", "IT")]
    [InlineData("612 34 56 78", "ES", "+34612345678", "ES")]
    [InlineData("+48 512 345 678", "RU", "+48512345678", "PL")]
    // Brazil, Japan, Australia, the Emirates
    [InlineData("(11) 98765-4321", "BR", "+5511987654321", "BR")]
    [InlineData("090-1234-5678", "JP", "+819012345678", "JP")]
    [InlineData("0412 345 678", "AU", "+61412345678", "AU")]
    [InlineData("050 123 4567", "AE", "+971501234567", "AE")]
    // The Caucasus, Central Asia and Moldova, as Russian call centres receive them.
    [InlineData("+995 555 12 34 56", "RU", "+995555123456", "GE")]
    [InlineData("+374 91 123456", "RU", "+37491123456", "AM")]
    [InlineData("+994 50 123 45 67", "RU", "+994501234567", "AZ")]
    [InlineData("996700123456", "RU", "+996700123456", "KG")]
    [InlineData("+992 917 12 34 56", "RU", "+992917123456", "TJ")]
    [InlineData("+373 69 123 456", "RU", "+37369123456", "MD")]
    // Non-geographic codes are numbers too: the library's region for them is "001".
    [InlineData("+800 1234 5678", "RU", "+80012345678", "001")]
    // A project country the library does not know still reads international numbers.
    [InlineData("+79123456789", "XX", "+79123456789", "RU")]
    [InlineData("79123456789", "", "+79123456789", "RU")]
    public void A_real_world_shape_becomes_E164_with_its_country(string raw, string defaultCountry, string e164, string country)
    {
        var result = PhoneNormalizer.Normalize(raw, defaultCountry);

        // The type has tests of its own (NumberFactsTests); here only that an accepted number has one.
        Assert.Equal(new PhoneParseResult(true, e164, country, PhoneRejectReason.None), result with { NumberType = null });
        Assert.True(NumberTypeCodes.IsKnown(result.NumberType));
        Assert.Equal("", result.ReasonText);
    }

    [Theory]
    [InlineData(null, "RU", PhoneRejectReason.Empty)]
    [InlineData("", "RU", PhoneRejectReason.Empty)]
    [InlineData("   ", "RU", PhoneRejectReason.Empty)]
    [InlineData("\u00A0\u2007\u200B", "RU", PhoneRejectReason.Empty)]
    [InlineData("( ) -", "RU", PhoneRejectReason.Empty)]
    [InlineData("+", "RU", PhoneRejectReason.Empty)]
    [InlineData("tel:", "RU", PhoneRejectReason.Empty)]
    [InlineData("abc", "RU", PhoneRejectReason.Letters)]
    [InlineData("N/A", "RU", PhoneRejectReason.Letters)]
    [InlineData("+7 912 345 67 89 доб. 123", "RU", PhoneRejectReason.Letters)]
    [InlineData("+7 912 345 67 89 ext 12", "RU", PhoneRejectReason.Letters)]
    [InlineData("+7 912 345 67 89 x12", "RU", PhoneRejectReason.Letters)]
    [InlineData("Иван 89123456789", "RU", PhoneRejectReason.Letters)]
    [InlineData("Tel.: +7 912 345 67 89", "RU", PhoneRejectReason.Letters)]
    [InlineData("7.9123456789\u041510", "RU", PhoneRejectReason.Letters)]
    [InlineData("7.91234567891E5", "RU", PhoneRejectReason.Letters)]
    [InlineData("12345", "RU", PhoneRejectReason.TooShort)]
    [InlineData("0", "RU", PhoneRejectReason.TooShort)]
    [InlineData("912 345 67", "RU", PhoneRejectReason.TooShort)]
    [InlineData("+7 912 345", "RU", PhoneRejectReason.TooShort)]
    [InlineData("+1 234", "RU", PhoneRejectReason.TooShort)]
    [InlineData("+44 20 7946", "GB", PhoneRejectReason.TooShort)]
    [InlineData("+375 29 123 45", "BY", PhoneRejectReason.TooShort)]
    [InlineData("7.91235E+10", "RU", PhoneRejectReason.TooShort)]
    [InlineData("8E+10", "RU", PhoneRejectReason.TooShort)]
    [InlineData("+7 912 345 67 890", "RU", PhoneRejectReason.TooLong)]
    [InlineData("891234567890", "RU", PhoneRejectReason.TooLong)]
    [InlineData("+1234567890123456", "RU", PhoneRejectReason.TooLong)]
    [InlineData("79123456789 79123456780", "RU", PhoneRejectReason.TooLong)]
    [InlineData("79123456789, 79123456780, 79123456781", "RU", PhoneRejectReason.TooLong)]
    [InlineData("+90 532 123 45 67 8", "TR", PhoneRejectReason.TooLong)]
    [InlineData("+999 123 456 789", "RU", PhoneRejectReason.UnknownCallingCode)]
    [InlineData("+0 912 345 67 89", "RU", PhoneRejectReason.UnknownCallingCode)]
    [InlineData("+28 1234 5678", "RU", PhoneRejectReason.UnknownCallingCode)]
    [InlineData("00 999 123 456 789", "GB", PhoneRejectReason.UnknownCallingCode)]
    [InlineData("+7 (012) 345-67-89", "RU", PhoneRejectReason.InvalidForCountry)]
    [InlineData("8 (012) 345-67-89", "RU", PhoneRejectReason.InvalidForCountry)]
    [InlineData("+1 (111) 555-0123", "US", PhoneRejectReason.InvalidForCountry)]
    [InlineData("+44 0 1234", "GB", PhoneRejectReason.TooShort)]
    public void An_unusable_value_is_rejected_with_its_reason(string? raw, string defaultCountry, PhoneRejectReason reason)
    {
        var result = PhoneNormalizer.Normalize(raw, defaultCountry);

        Assert.Equal(new PhoneParseResult(false, null, null, reason), result);
        Assert.NotEqual("", result.ReasonText);
    }

    [Fact]
    public void Each_reason_is_among_the_table_of_rejects()
    {
        var tested = typeof(PhoneNormalizerTests).GetMethod(nameof(An_unusable_value_is_rejected_with_its_reason))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(data => (PhoneRejectReason)data.GetData(null!).Single()[2]).ToHashSet();

        Assert.Equal(Enum.GetValues<PhoneRejectReason>().Where(r => r != PhoneRejectReason.None).Order(), tested.Order());
    }

    [Fact]
    public void Every_reason_has_a_short_english_text()
    {
        foreach (var reason in Enum.GetValues<PhoneRejectReason>().Where(r => r != PhoneRejectReason.None))
            Assert.InRange(reason.ToText().Length, 5, 40);

        Assert.Equal("too short", PhoneRejectReason.TooShort.ToText());
        Assert.Equal("", PhoneRejectReason.None.ToText());
    }

    [Fact]
    public void A_cell_still_inside_a_line_buffer_is_read_without_a_string_of_its_own()
    {
        var line = "17;+7 (912) 345-67-89;Ivan".AsSpan();

        var result = PhoneNormalizer.Normalize(line[3..21], "RU");

        Assert.Equal("+79123456789", result.E164);
    }

    [Theory]
    [InlineData("+79123456789")]
    [InlineData("+77012345678")]
    [InlineData("+375291234567")]
    [InlineData("+442079460958")]
    [InlineData("+4915112345678")]
    [InlineData("+12125550123")]
    [InlineData("+14165550123")]
    [InlineData("+390612345678")]
    [InlineData("+819012345678")]
    public void A_normalised_number_normalises_to_itself_whatever_the_project_country(string e164)
    {
        foreach (var country in new[] { "RU", "KZ", "BY", "UA", "UZ", "GB", "DE", "US", "CA", "CN", "IN", "TR", "FR", "IT", "BR", "JP" })
            Assert.Equal(e164, PhoneNormalizer.Normalize(e164, country).E164);
    }
}
