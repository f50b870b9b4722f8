using System.Reflection;

namespace Magnesia;

/// <summary>Reads the domain's embedded data tables: tab-separated rows after a header; lines starting with # are comments.</summary>
internal static class EmbeddedTable
{
    /// <summary>The rows of the embedded resource <paramref name="name"/>, each with exactly <paramref name="columns"/> fields.</summary>
    /// <exception cref="InvalidDataException">When a row has another number of fields: a build defect.</exception>
    public static List<string[]> Rows(string name, int columns)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded table {name} is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns)
                throw new InvalidDataException($"{name}: expected {columns} tab-separated fields in '{line}'");
            rows.Add(fields);
        }

        return rows;
    }
}
