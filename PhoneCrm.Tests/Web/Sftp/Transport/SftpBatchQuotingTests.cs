using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Web.Sftp.Transport;

public sealed class SftpBatchQuotingTests
{
    [Theory]
    [InlineData("inbox/a b.csv", "\"inbox/a b.csv\"")]
    [InlineData("say \"hi\".csv", "\"say \\\"hi\\\".csv\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("star*?[x].csv", "\"star*?[x].csv\"")]
    [InlineData("-dash.csv", "\"./-dash.csv\"")]
    [InlineData("/abs/-dash.csv", "\"/abs/-dash.csv\"")]
    public void Quote_writes_what_sftp_reads_back_as_the_same_path(string path, string expected)
    {
        Assert.Equal(expected, SftpBatchQuoting.Quote(path));
    }

    [Theory]
    [InlineData("a\nrm important.csv")]
    [InlineData("a\rb")]
    [InlineData("a\0b")]
    [InlineData("")]
    public void Quote_refuses_paths_that_would_break_the_batch(string path)
    {
        Assert.Throws<ArgumentException>(() => SftpBatchQuoting.Quote(path));
    }
}
