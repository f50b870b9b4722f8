using System.Reflection;

namespace Magnesia;

/// <summary>Reads the domain's embedded data tables: tab-separated rows after a header; lines starting with # are comments.</summary>
internal static class EmbeddedTable
{
    /// <summary>The rows of the embedded resource <paramref name="name"/>, each with exactly <paramref name="columns"/> fields.</summary>
    /// <exception cref="InvalidDataException">When a row has another number of fields or an empty first field: a build defect.</exception>
    public static List<string[]> Rows(string name, int columns)
    {
        var unused = 0UL;
        return Rows(name, columns, ref unused);
    }

    /// <summary>
    /// As <see cref="Rows(string, int)"/>, folding every line that is not a comment (the header included) into the FNV-1a
    /// <paramref name="hash"/>, so that what was built from the tables can say which tables it was built from.
    /// </summary>
    public static List<string[]> Rows(string name, int columns, ref ulong hash)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded table {name} is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var header = true;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            hash = Foods.Fnv1a.Hash(line, hash);
            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns || fields[0].Length == 0)
                throw new InvalidDataException($"{name}:{number}: expected {columns} tab-separated fields");
            rows.Add(fields);
        }

        return rows;
    }
}
