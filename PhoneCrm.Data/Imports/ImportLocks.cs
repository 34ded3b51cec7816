namespace PhoneCrm.Data.Imports;

/// <summary>
/// Advisory lock keys (two-int form: class, object). A running import holds its batch's session lock on
/// its own connection, so when the process dies the lock goes with the connection and anyone can tell the
/// batch was interrupted; the project lock keeps two imports into one project from interleaving.
/// </summary>
public static class ImportLocks
{
    public const int BatchClass = 0x1A01;
    public const int ProjectClass = 0x1A02;
}
