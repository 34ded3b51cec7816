using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Tests.Data.Imports.Files;

public sealed class ColumnMappingGuesserTests
{
    [Fact]
    public void Russian_headers_are_mapped()
    {
        var mapping = ColumnMappingGuesser.Guess(["ФИО", "Телефон", "Поставщик", "Регион", "Комментарий", "Email"]);

        Assert.Equal(new ColumnMapping(Phone: 1, Supplier: 2, Geo: 3, Name: 0, Comment: 4), mapping);
        Assert.False(mapping.IsMapped(5));
    }

    [Fact]
    public void English_headers_are_mapped()
    {
        var mapping = ColumnMappingGuesser.Guess(["Full Name", "Phone number", "Vendor", "Country", "Notes"]);

        Assert.Equal(new ColumnMapping(Phone: 1, Supplier: 2, Geo: 3, Name: 0, Comment: 4), mapping);
    }

    [Theory]
    [InlineData("Телефон")]
    [InlineData(" ТЕЛЕФОН: ")]
    [InlineData("Номер")]
    [InlineData("Номер телефона")]
    [InlineData("Тел.")]
    [InlineData("Мобильный")]
    [InlineData("phone")]
    [InlineData("PHONE_NUMBER")]
    [InlineData("Number")]
    [InlineData("MSISDN")]
    [InlineData("Mobile")]
    [InlineData("tel")]
    [InlineData("Телефон клиента")]
    [InlineData("Phone 2")]
    public void Phone_headers_are_recognised_whatever_their_case_spaces_and_punctuation(string header)
    {
        Assert.Equal(1, ColumnMappingGuesser.Guess(["id", header]).Phone);
    }

    [Theory]
    [InlineData("Источник", "Город", "Имя", "Примечание")]
    [InlineData("source", "city", "client", "comment")]
    [InlineData("Поставщик базы", "Страна", "Клиент", "Комментарий менеджера")]
    public void Other_fields_are_recognised(string supplier, string geo, string name, string comment)
    {
        var mapping = ColumnMappingGuesser.Guess(["Phone", supplier, geo, name, comment]);

        Assert.Equal(new ColumnMapping(0, 1, 2, 3, 4), mapping);
    }

    [Fact]
    public void Exact_names_win_over_words_inside_longer_headers()
    {
        var mapping = ColumnMappingGuesser.Guess(["Комментарий к телефону", "Телефон поставщика", "Телефон"]);

        Assert.Equal((2, 0, ColumnMapping.None), (mapping.Phone, mapping.Comment, mapping.Supplier));
    }

    [Fact]
    public void Unknown_headers_map_to_nothing()
    {
        var mapping = ColumnMappingGuesser.Guess(["Номер заказа", "Дата", "Telegram"]);

        Assert.Equal(ColumnMapping.Empty, mapping);
    }

    [Fact]
    public void Without_a_phone_header_the_first_column_of_phone_like_values_is_taken()
    {
        IReadOnlyList<IReadOnlyList<string>> preview =
        [
            ["2024-01-02 10:11:12", "12", "+7 (912) 345-67-89", "79123456789"],
            ["2024-01-03 10:11:12", "13", "8 912 345 67 80", "79123456780"],
            ["2024-01-04 10:11:12", "14", "", "79123456781"],
            ["2024-01-05 10:11:12", "15", "79123456782", ""],
            ["2024-01-06 10:11:12", "16", "44 20 7946 0958", ""],
        ];

        var mapping = ColumnMappingGuesser.Guess(["Created", "Id", "Контакт", "Ещё"], preview);

        Assert.Equal(2, mapping.Phone);
    }

    [Fact]
    public void Fewer_than_sixty_percent_phone_like_values_are_not_enough()
    {
        IReadOnlyList<IReadOnlyList<string>> preview = [["79123456789"], ["79123456780"], ["n/a"], ["нет"], [""]];

        Assert.Equal(ColumnMapping.None, ColumnMappingGuesser.Guess(["Контакт"], preview).Phone);
    }
}
