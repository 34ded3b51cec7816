using PhoneCrm.Core.Sftp;

namespace PhoneCrm.Tests.Core.Sftp;

public sealed class SftpFilePatternTests
{
    [Theory]
    [InlineData("*.csv", "base.csv", true)]
    [InlineData("*.csv", "BASE.CSV", true)]
    [InlineData("*.csv", "base.csv.part", false)]
    [InlineData("*.csv;*.xlsx", "base.xlsx", true)]
    [InlineData("*.csv, *.xlsx", "base.xls", false)]
    [InlineData("leads_??.csv", "leads_07.csv", true)]
    [InlineData("leads_??.csv", "leads_7.csv", false)]
    [InlineData("*2026*", "выгрузка-2026-11.xlsx", true)]
    [InlineData("*", ".hidden", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYcZ", false)]
    public void Names_match_as_administrators_expect(string pattern, string name, bool matches) =>
        Assert.Equal(matches, new SftpFilePattern(pattern).IsMatch(name));

    [Theory]
    [InlineData("")]
    [InlineData(" ; ")]
    [InlineData("in/*.csv")]
    public void A_pattern_without_names_or_with_a_folder_is_refused(string pattern) =>
        Assert.Throws<ArgumentException>(() => new SftpFilePattern(pattern));
}
