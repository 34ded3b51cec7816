using System.IO.Compression;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Tests.Data.Imports.Files;

/// <summary>
/// Nothing on .NET here writes XLS, so the workbooks are small files saved by SheetJS 0.18.5 (npm "xlsx") from
/// [["Телефон", "Поставщик"], [79123456789, "Ромашка"], ["79123456780", "Acme"]], gzipped and kept as text.
/// Both declare code page 1252, which .NET only decodes with CodePagesEncodingProvider registered.
/// </summary>
public sealed class ImportFileReaderXlsTests : IDisposable
{
    private const string Biff8 =
        "H4sIAAAAAAACA+1XO28TQRD+9rx+x8EPEJBIxDoKJCji2Dg2D5vYShEigVBcpEEiMS8jgoJMGjrEowOJH0BDSQUUgIQowg9AoJRU"
        + "Cb8ApJTB5tvxXThcOQRFivCsvrm78e7s7O481l8+J1afvx5aQxeV4UOrHUbAI1OE5X7EO98GrXa77YrbfdpV9JNoOdA8P79znn38"
        + "PzAx7SPc8zcxHyRCRJiIEFFigIgRg8SeTgpAgkgSqb7f7ErMYHuk4VduLlE9jjG+Jo4m9aOGBnJsS5hGfsvzJ2HJ/JZTe3q3u0Oz"
        + "WEQTN1Hnc5HPv53fpV7GmH16o/HPaKvze6mQHc9uZ+5wiFkg4Ee9+SkYXlYIMHGs8ZbwSn+Uu8I34iJum3xSa+RyS9M17AhVxYZ5"
        + "ZWygWSjxTeEZpQkcFMuSwlPCX0q/D8JLks+AuebyZNE5r3U1If2eCLeFD8JofCdjvopkDEP4LiOeOqHgVxV61w3MYwGHdB5FHICy"
        + "ETk/VRtFlDxNZQ02G9VrNm6x2QjM2LjDZmPlrvl9FXtF2XrX4fblOyvvpjk5+kd0l9FORlPDuqgruqrH8JgJRrFtSBHtUGQzXOJ/"
        + "hEtMHGmA/ArLqnlPiDvFOXbjxY+Vc/ULZy6J/KjIjwm/L5J7Hv0PRP6wc0W3Bn+nWpFoa79zbw/SBXVenyImdVmXtLaGxcvjrPZq"
        + "hCKzhozO6rNcz0ntoy7llPt9h9ML2arRpWQAdaU54DS7T7FrhrpGHOOjUAWcYFBkmdyPM7WPo8AAyNCShNgeN3tUwWU6/VWUrSTe"
        + "yp+NCc8Wv1cxFgrPvl4PpQhvKZFIa4SOEF0VxizJzbLW5lcEffLQLwcSA5kADgAA";

    private const string Biff5 =
        "H4sIAAAAAAACA+1WO0sDQRCe29szJuZx8QE+QMLZaaFJNImFjwSrgCCmFdYnRDQI0R8gPkrBH2BjaWlro/4AUSytVPwBCpaac3Zu"
        + "Tw6rRAVR8x3fsDN3u3N3M7szV5fR28Pjzjv4gFHQoWL7ocFj05DMVUxHl6zYtu2a7Tp+FV6RFUWuYlnn/6G7p3WkjL+BlHveh2xE"
        + "+pEBZBMyiAzVc+RPcRq+Bg6G5p4lWpVzZK6d6c44B2t4rXzafwAY+Weq9lQ7L6+7Na0ARUjitQF5GKrZf7Py76KaOWG1174Ltfr3"
        + "wt+Iu9wwYL584ZNNwDmdBqcyQsh75AykwFcoJpMb+UKsJuRwrQc+ojH8ywc4jkIHrd5MsoXkCGoSs+WziYyKyLM2Tvf2SFokwyBX"
        + "uaFxHFrhkZ7dVylnZMvLc6vdvAsy0G4J0S9EzCoWLWGVSijW1y3Ub2XPgnj2/KS6rXabF7tYFArUExoCEQ+8p5RJKRWisAVRLkKE"
        + "xlEKoYnF5eXo6XpyfmpMkL2X7H0kt8iySQXIwTbZd5z2kwXUISI1ziKqH/WBcMBZlPLIxOolXOgsTM2q/Ia2nthqIidnavSYZ2aL"
        + "er0mSA/HE8nBoVQ6M8BZkN7IxG2bXSgtnWghLJRaF8/wLM/xOFXIzyGdSCXgB/EGZk8b2wAMAAA=";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_xls_workbook_is_read_with_phones_stored_as_numbers_and_as_text()
    {
        using var file = ImportFileReader.Open(_folder.Write("numbers.xls", Unpack(Biff8)));
        var rows = file.Rows().ToList();

        Assert.Equal(ImportFileFormat.Xls, file.Format);
        Assert.Equal(["Телефон", "Поставщик"], file.Headers);
        Assert.Equal([(2L, "79123456789", "Ромашка"), (3L, "79123456780", "Acme")], rows.Select(r => (r.RowNumber, r.Cells[0]!, r.Cells[1]!)));
    }

    [Fact]
    public void An_excel_95_workbook_is_read_too()
    {
        // SheetJS writes BIFF5 text in code page 1252, so its Cyrillic is lost before we read it; the numbers are not.
        using var file = ImportFileReader.Open(_folder.Write("old.xls", Unpack(Biff5)));

        Assert.Equal(ImportFileFormat.Xls, file.Format);
        Assert.Equal(["79123456789", "79123456780"], file.Rows().Select(r => r.Cells[0]));
    }

    private static byte[] Unpack(string base64)
    {
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
