using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// Reads what <c>sftp -b</c> prints for <c>cd "folder"</c> then <c>ls -ln</c>, as seen with OpenSSH 9.2:
/// <code>
/// sftp> cd "inbox"
/// sftp> ls -ln
/// -rw-r--r--    ? 1001     1001          100000 Nov 22 04:30 big file.csv
/// -rw-r--r--    ? 1001     1001               0 Mar  4  2020 old.txt
/// drwxr-xr-x    ? 1001     1001            4096 Nov 22 04:30 sub
/// </code>
/// Commands are echoed with "sftp> "; after a cd the names are bare (a path argument to ls would be
/// prefixed to each). Owner and group may be names or numbers. The sftp client itself formats the time from
/// the server's numeric mtime, in the client's time zone (the transport runs it with TZ=UTC): "Mon dd HH:mm"
/// for the last six months, "Mon dd  yyyy" otherwise, so the resolution is a minute or a day and the year of
/// the first form is inferred. The name is everything after one space, so leading and trailing spaces
/// survive; characters that are not printable in the locale (the transport runs it with C.UTF-8: control
/// characters, invalid UTF-8) come as octal escapes "\ooo".
/// </summary>
public static partial class SftpListingParser
{
    private static readonly TimeSpan _recentWindow = TimeSpan.FromDays(365.0 / 2);

    public static IReadOnlyList<SftpRemoteFile> Parse(string output, string folder, DateTimeOffset nowUtc)
    {
        var files = new List<SftpRemoteFile>();
        foreach (var line in output.Split('\n'))
        {
            var match = LongListingLine().Match(line.TrimEnd('\r'));
            // Directories, links, devices and the echoed "sftp>" lines are not files to pull.
            if (!match.Success || match.Groups["type"].Value != "-")
                continue;
            var name = Unescape(match.Groups["name"].Value);
            files.Add(new SftpRemoteFile(
                name,
                SftpBatchQuoting.Combine(folder, name),
                long.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture),
                ReadTime(match, nowUtc)));
        }
        return files;
    }

    private static DateTimeOffset ReadTime(Match match, DateTimeOffset nowUtc)
    {
        var month = DateTime.ParseExact(match.Groups["month"].Value, "MMM", CultureInfo.InvariantCulture).Month;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Success)
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        }
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        // sftp uses this form only for times within the half year up to now, so the year is this one or the
        // last; a day of slack covers the listing being read a moment after "now" was taken.
        foreach (var year in new[] { nowUtc.Year, nowUtc.Year - 1 })
        {
            if (day > DateTime.DaysInMonth(year, month))
                continue;
            var time = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
            if (time <= nowUtc.AddDays(1) && time > nowUtc - _recentWindow - TimeSpan.FromDays(1))
                return time;
        }
        throw new FormatException($"sftp printed the date {match.Groups["month"].Value} {day} {hour:00}:{minute:00}, which is not within the last six months.");
    }

    private static string Unescape(string name)
    {
        if (!name.Contains('\\'))
            return name;
        // Escapes stand for bytes (of a UTF-8 sequence sftp could not print), so the name is rebuilt as bytes.
        var bytes = new List<byte>(name.Length);
        var plainStart = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != '\\' || !IsOctal(name, i + 1))
                continue;
            bytes.AddRange(Encoding.UTF8.GetBytes(name[plainStart..i]));
            bytes.Add((byte)Convert.ToInt32(name.Substring(i + 1, 3), 8));
            i += 3;
            plainStart = i + 1;
        }
        bytes.AddRange(Encoding.UTF8.GetBytes(name[plainStart..]));
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(string text, int start) =>
        start + 3 <= text.Length && text[start] is >= '0' and <= '3' &&
        text[start + 1] is >= '0' and <= '7' && text[start + 2] is >= '0' and <= '7';

    [GeneratedRegex(@"^(?<type>[-dlcbps])[-rwxsStT]{9}\S*\s+\S+\s+.+?\s+(?<size>\d+) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<day>[ \d]\d) (?:(?<hour>\d\d):(?<minute>\d\d)| (?<year>\d{4})) (?<name>.+)$")]
    private static partial Regex LongListingLine();
}
