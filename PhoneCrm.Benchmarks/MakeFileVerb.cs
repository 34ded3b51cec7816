namespace PhoneCrm.Benchmarks;

/// <summary>
/// The hidden verb <c>make-file csv|xlsx PATH ROWS PROJECT_SIZE PROJECT_INDEX FIRST_NEW_INDEX</c>: writes one
/// synthetic import file for a seeded project, for trying importer changes by hand with <c>import-one</c>.
/// </summary>
public static class MakeFileVerb
{
    public const string Name = "make-file";

    public static int Run(string[] args)
    {
        var rows = int.Parse(args[2]);
        var source = new ImportFileRows(long.Parse(args[3]), PhoneSpace.Offset(int.Parse(args[4])), long.Parse(args[5])).Generate(rows);
        if (args[0] == "csv")
            ImportFileWriter.WriteCsv(args[1], source);
        else
            ImportFileWriter.WriteXlsx(args[1], source);
        Console.WriteLine($"Wrote {rows:N0} rows to {args[1]}");
        return 0;
    }
}
