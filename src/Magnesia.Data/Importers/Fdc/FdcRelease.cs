using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Magnesia.Data.Importers.Fdc;

/// <summary>
/// An FDC CSV release as downloaded from fdc.nal.usda.gov (Download Datasets → CSV): a folder, or the zip itself, holding
/// <c>food.csv</c>, <c>food_nutrient.csv</c>, <c>nutrient.csv</c> and the others, at the top or in one folder
/// (the zips hold a <c>FoodData_Central_…_csv_YYYY-MM-DD/</c> folder).
/// </summary>
internal sealed partial class FdcRelease : IDisposable
{
    private readonly ZipArchive? _zip;
    private readonly Dictionary<string, (ZipArchiveEntry? Entry, string? Path, long Length)> _files = new(StringComparer.OrdinalIgnoreCase);

    private FdcRelease(string origin, ZipArchive? zip)
    {
        Origin = origin;
        _zip = zip;
    }

    /// <summary>The folder or zip's name.</summary>
    public string Origin { get; }

    /// <summary>The release date from the folder or zip name (<c>…_2024-10-31</c>); null when the name has none.</summary>
    public string? ReleaseFromName { get; private set; }

    /// <summary>Opens a release; an error naming what is missing when it is not one.</summary>
    public static FdcRelease Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        FdcRelease release;
        if (Directory.Exists(full))
        {
            release = new FdcRelease(System.IO.Path.GetFileName(full.TrimEnd('/')), null);
            var top = Directory.GetFiles(full, "*.csv");
            var files = top.Any(f => System.IO.Path.GetFileName(f).Equals("food.csv", StringComparison.OrdinalIgnoreCase))
                ? top
                : Directory.GetDirectories(full).SelectMany(d => Directory.GetFiles(d, "*.csv")).ToArray();
            foreach (var f in files)
                release._files.TryAdd(System.IO.Path.GetFileName(f), (null, f, new FileInfo(f).Length));
            release.ReleaseFromName = DateIn(full) ?? files.Select(f => DateIn(System.IO.Path.GetDirectoryName(f)!)).FirstOrDefault(d => d is not null);
        }
        else if (File.Exists(full))
        {
            ZipArchive zip;
            try
            {
                zip = ZipFile.OpenRead(full);
            }
            catch (InvalidDataException)
            {
                throw new DataFormatException(System.IO.Path.GetFileName(full), 0, "(file)", "is neither a folder nor a zip archive of an FDC CSV release");
            }

            release = new FdcRelease(System.IO.Path.GetFileName(full), zip);
            foreach (var e in zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && e.FullName.Count(c => c == '/') <= 1))
                release._files.TryAdd(e.Name, (e, null, e.Length));
            release.ReleaseFromName = DateIn(full) ?? zip.Entries.Select(e => DateIn(e.FullName)).FirstOrDefault(d => d is not null);
        }
        else
        {
            throw new DataFormatException(path, 0, "(path)", "no such folder or file");
        }

        foreach (var required in new[] { "food.csv", "food_nutrient.csv", "nutrient.csv" })
        {
            if (!release._files.ContainsKey(required))
            {
                release.Dispose();
                throw new DataFormatException(release.Origin, 0, "(release)", $"is not an FDC CSV release: {required} is missing (looked at the top and in one folder down)");
            }
        }

        return release;
    }

    /// <summary>Whether the release holds a file.</summary>
    public bool Has(string name) => _files.ContainsKey(name);

    /// <summary>The (uncompressed) size of a file; 0 when absent.</summary>
    public long Length(string name) => _files.TryGetValue(name, out var f) ? f.Length : 0;

    /// <summary>Opens a file as CSV records.</summary>
    public CsvRecords Read(string name)
    {
        var (entry, path, _) = _files[name];
        var stream = entry is not null ? entry.Open() : new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new CsvRecords(new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16), name);
    }

    /// <summary>
    /// What identifies the content without reading it all twice: the release and, per file, its name, size and — in a zip
    /// — the CRC-32 of its whole content the zip stores, or — in a folder — a hash of its first and last megabyte.
    /// </summary>
    public string Fingerprint(IEnumerable<string> names, string? releaseName)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(releaseName + "|"));
        foreach (var name in names.Where(Has).Order(StringComparer.Ordinal))
        {
            var (entry, path, length) = _files[name];
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}:{length}:{entry?.Crc32}|"));
            if (path is null)
                continue;
            const int edge = 1 << 20;
            using var file = File.OpenRead(path);
            var buffer = new byte[Math.Min(edge, length)];
            file.ReadExactly(buffer);
            hash.AppendData(buffer);
            if (length > edge)
            {
                file.Seek(-Math.Min(edge, length - edge), SeekOrigin.End);
                var tail = new byte[Math.Min(edge, length - edge)];
                file.ReadExactly(tail);
                hash.AppendData(tail);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant()[..32];
    }

    private static string? DateIn(string name) => ReleaseDate().Match(name) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex ReleaseDate();

    public void Dispose() => _zip?.Dispose();
}
