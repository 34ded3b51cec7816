using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Web.Sftp.Transport;

public sealed class SftpListingParserTests
{
    // Captured from OpenSSH 9.2 "sftp -b -" (TZ=UTC, LC_ALL=C.UTF-8) after "cd inbox" on 2026-11-22 04:31 UTC.
    private const string Captured = """
        sftp> cd "inbox"
        sftp> ls -ln
        -rw-r--r--    ? phonecrm-sftp phonecrm-sftp       10 Nov 22 04:31   lead.txt
        -rw-r--r--    ? phonecrm-sftp phonecrm-sftp       11 Nov 22 04:31 a b "q".csv
        -rw-r--r--    ? phonecrm-sftp phonecrm-sftp       14 Nov 22 04:31 back\slash.txt
        -rw-r--r--    ? phonecrm-sftp phonecrm-sftp        9 Nov 22 04:31 star*.txt
        -rw-r--r--    ? phonecrm-sftp phonecrm-sftp       10 Nov 22 04:31 trail .txt
        -rw-r--r--    ? phonecrm-sftp phonecrm-sftp        9 Nov 22 04:31 ünï.txt
        -rw-r--r--    ? root     root            0 Jun  1 10:00 fivemonths.txt
        -rw-r--r--    ? root     root            0 Jan  1  2031 future.txt
        -rw-r--r--    ? 1001     1001       100000 Mar  4  2020 old.txt
        -rw-r--r--    ? root     root            1 Nov 22 04:31 \377bad.txt
        lrwxrwxrwx    ? phonecrm-sftp root            7 Nov 22 04:30 link
        drwxr-xr-x    ? phonecrm-sftp root         4096 Nov 22 04:30 sub
        """;

    private static readonly DateTimeOffset _capturedAt = new(2026, 11, 22, 4, 31, 30, TimeSpan.Zero);

    [Fact]
    public void Parse_returns_regular_files_with_exact_names_and_paths()
    {
        var files = SftpListingParser.Parse(Captured, "inbox", _capturedAt);

        Assert.Equal(
            ["  lead.txt", "a b \"q\".csv", "back\\slash.txt", "star*.txt", "trail .txt", "ünï.txt",
             "fivemonths.txt", "future.txt", "old.txt", "\uFFFDbad.txt"],
            files.Select(f => f.Name));
        Assert.Equal("inbox/a b \"q\".csv", files[1].Path);
        Assert.Equal(100000, files.Single(f => f.Name == "old.txt").Size);
    }

    [Fact]
    public void Parse_reads_minute_times_in_the_last_half_year_and_day_times_otherwise()
    {
        var files = SftpListingParser.Parse(Captured, "inbox", _capturedAt).ToDictionary(f => f.Name);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 4, 31, 0, TimeSpan.Zero), files["a b \"q\".csv"].ModifiedAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero), files["fivemonths.txt"].ModifiedAt);
        Assert.Equal(new DateTimeOffset(2020, 3, 4, 0, 0, 0, TimeSpan.Zero), files["old.txt"].ModifiedAt);
        Assert.Equal(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero), files["future.txt"].ModifiedAt);
    }

    [Fact]
    public void Parse_puts_a_December_time_seen_in_January_in_the_previous_year()
    {
        const string output = "-rw-r--r--    ? 0 0 5 Dec 31 23:59 late.csv\n";

        var file = Assert.Single(SftpListingParser.Parse(output, "/in/", new DateTimeOffset(2027, 1, 2, 8, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero), file.ModifiedAt);
        Assert.Equal("/in/late.csv", file.Path);
    }

    [Fact]
    public void Parse_of_an_empty_folder_is_empty()
    {
        Assert.Empty(SftpListingParser.Parse("sftp> cd \"inbox\"\nsftp> ls -ln\n", "inbox", _capturedAt));
    }
}
