using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using PhoneCrm.Core.Common;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Tests.Data.Imports.Files;

public sealed class ImportFileReaderZipTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        // 300 MB of zeros packs to about 300 KB, a ratio near 1000; written in chunks, never held in memory.
        var path = _folder.File("bomb.xlsx");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            archive.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                entry.Write(zeros);
            }
        }

        var error = Refused(path);

        Assert.True(new FileInfo(path).Length < 1024 * 1024);
        Assert.StartsWith("The XLSX file is refused: its part xl/worksheets/sheet1.xml is packed", error.Message);
    }

    [Fact]
    public void A_zip_with_too_many_entries_is_refused()
    {
        var path = WriteZip("many.xlsx", Enumerable.Range(0, 11).Select(i => ($"part{i}.xml", 10)), CompressionLevel.Optimal);

        var error = Refused(path, new ImportFileLimits { MaxZipEntries = 10 });

        Assert.Equal(ImportFileMessages.TooManyZipEntries(11, 10), error.Message);
    }

    [Fact]
    public void A_zip_that_unpacks_past_the_size_limit_is_refused()
    {
        var path = WriteZip("big.xlsx", [("a.xml", 600_000), ("b.xml", 600_000)], CompressionLevel.NoCompression);

        var error = Refused(path, new ImportFileLimits { MaxUncompressedBytes = 1024 * 1024 });

        Assert.Equal(ImportFileMessages.TooLargeUnpacked(1024 * 1024), error.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        var path = WriteZip("report.xlsx", [("word/document.xml", 100)], CompressionLevel.Optimal);

        Assert.Equal(ImportFileMessages.NotAWorkbook, Refused(path).Message);
    }

    [Fact]
    public void A_truncated_zip_is_refused_as_damaged()
    {
        var whole = File.ReadAllBytes(WriteZip("whole.xlsx", [("xl/workbook.xml", 5000)], CompressionLevel.Optimal));

        var error = Refused(_folder.Write("cut.xlsx", whole[..(whole.Length / 2)]));

        Assert.Equal(ImportFileMessages.ZipDamaged, error.Message);
    }

    [Fact]
    public void A_zip_that_understates_a_part_size_is_never_unpacked_past_it()
    {
        // The sheet is followed by 100 MB of markup that would break it, and the directory declares only the
        // sheet's own size: the checks pass, and the reader must stop where the directory says the part ends.
        var real = _folder.File("real.xlsx");
        XlsxTestFile.Write(real, [["Phone"], [79123456789d]]);
        var path = _folder.File("lying.xlsx");
        var sheetName = "";
        var sheetLength = 0;
        using (var source = ZipFile.OpenRead(real))
        using (var target = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                using var output = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                input.CopyTo(output);
                if (entry.FullName.Contains("worksheets/", StringComparison.Ordinal))
                {
                    (sheetName, sheetLength) = (entry.FullName, (int)entry.Length);
                    var junk = Encoding.ASCII.GetBytes(new string('<', 1024 * 1024));
                    for (var i = 0; i < 100; i++)
                    {
                        output.Write(junk);
                    }
                }
            }
        }

        DeclareSize(path, sheetName, sheetLength);
        using var file = ImportFileReader.Open(path);

        Assert.Equal("79123456789", file.Rows().Single().Cells[0]);
    }

    private DomainException Refused(string path, ImportFileLimits? limits = null) =>
        Assert.Throws<DomainException>(() => ImportFileReader.Open(path, limits ?? ImportFileLimits.Default).Dispose());

    /// <summary>Rewrites an entry's uncompressed size in its local header and its central directory record.</summary>
    private static void DeclareSize(string path, string entryName, int size)
    {
        var zip = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var at = 0; at + 46 + name.Length <= zip.Length; at++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at));
            if (signature == 0x04034B50 && zip.AsSpan(at + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(at + 22), size);
            }
            else if (signature == 0x02014B50 && zip.AsSpan(at + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(at + 24), size);
            }
        }

        File.WriteAllBytes(path, zip);
    }

    private string WriteZip(string name, IEnumerable<(string Name, int Bytes)> entries, CompressionLevel level)
    {
        var path = _folder.File(name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        var random = new Random(7);
        foreach (var (entryName, bytes) in entries)
        {
            var content = new byte[bytes];
            random.NextBytes(content);
            using var stream = archive.CreateEntry(entryName, level).Open();
            stream.Write(content);
        }

        return path;
    }
}
