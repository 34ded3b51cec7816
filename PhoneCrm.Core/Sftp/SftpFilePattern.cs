namespace PhoneCrm.Core.Sftp;

/// <summary>
/// File name patterns as administrators write them: '*' and '?' wildcards, several separated by ';' or ',',
/// case-insensitive (suppliers send "BASE.CSV" as often as "base.csv").
/// </summary>
public sealed class SftpFilePattern
{
    private readonly string[] _globs;

    public SftpFilePattern(string pattern)
    {
        _globs = pattern.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (_globs.Length == 0)
            throw new ArgumentException("A file pattern needs at least one name or wildcard, e.g. *.csv.", nameof(pattern));
        if (_globs.Any(glob => glob.Contains('/')))
            throw new ArgumentException("A file pattern matches names, not folders: leave '/' out of it.", nameof(pattern));
    }

    public bool IsMatch(string fileName) => _globs.Any(glob => Matches(glob, fileName));

    private static bool Matches(string glob, string name)
    {
        // Iterative wildcard match with one backtrack point: linear for the patterns people write.
        int g = 0, n = 0, star = -1, afterStar = 0;
        while (n < name.Length)
        {
            if (g < glob.Length && (glob[g] == '?' || char.ToLowerInvariant(glob[g]) == char.ToLowerInvariant(name[n])))
            {
                g++;
                n++;
            }
            else if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                afterStar = n;
            }
            else if (star >= 0)
            {
                g = star + 1;
                n = ++afterStar;
            }
            else
            {
                return false;
            }
        }
        while (g < glob.Length && glob[g] == '*')
            g++;
        return g == glob.Length;
    }
}
