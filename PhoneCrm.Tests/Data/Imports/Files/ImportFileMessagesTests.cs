using System.Xml.Linq;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Imports.Files;

public sealed class ImportFileMessagesTests
{
    [Fact]
    public void Messages_come_in_the_users_language_with_numbers_in_its_format()
    {
        using (new CultureScope("ru"))
        {
            Assert.Equal("Файл пустой.", ImportFileMessages.Empty.Text);
            Assert.StartsWith("Строка 5:", ImportFileMessages.QuoteNotClosed(5).Text);
            // Grouped the Russian way (a no-break space, U+00A0 or U+202F by ICU version).
            var zipBomb = ImportFileMessages.TooManyZipEntries(12000, 10000).Text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
            Assert.Contains("частей в нём — 12 000", zipBomb);
        }
        using (new CultureScope("en"))
        {
            Assert.Equal("The file is empty.", ImportFileMessages.Empty.Text);
            Assert.StartsWith("Row 5:", ImportFileMessages.QuoteNotClosed(5).Text);
        }
    }

    [Fact]
    public void Both_resource_files_have_the_same_messages_with_the_same_placeholders()
    {
        var folder = Path.Combine(AppProcess.RepositoryRoot, "PhoneCrm.Data", "Imports", "Files");
        var english = Messages(Path.Combine(folder, "ImportFileMessages.resx"));
        var russian = Messages(Path.Combine(folder, "ImportFileMessages.ru.resx"));

        Assert.Equal(english.Keys.Order(), russian.Keys.Order());
        foreach (var (name, text) in english)
            Assert.Equal(Placeholders(text), Placeholders(russian[name]));
    }

    private static Dictionary<string, string> Messages(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string[] Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+(:[^}]*)?\}").Select(m => m.Value).Order().ToArray();
}
