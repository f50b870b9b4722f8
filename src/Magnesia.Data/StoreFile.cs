using Microsoft.Data.Sqlite;

namespace Magnesia.Data;

/// <summary>
/// Whether an existing file may be opened as a Magnesia store, decided without writing anything beside it (no lock,
/// journal or WAL file): a SQLite database that is empty or holds Magnesia's migration history. Anything else — a
/// text file, an empty file, a device, another program's database, a corrupt file — is refused before it is touched.
/// </summary>
public static class StoreFile
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// <summary>The reason <paramref name="path"/> (an existing file) is not a Magnesia store, or null when it is one.</summary>
    public static string? Problem(string path)
    {
        var head = new byte[Header.Length];
        int read;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read it ({e.Message})";
        }

        if (read == 0)
            return "the file is empty";
        if (read < head.Length || !head.AsSpan().SequenceEqual(Header))
            return "it is not a SQLite database";
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            var tables = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    tables.Add(reader.GetString(0));
            }

            if (tables.Count > 0 && !tables.Contains("__EFMigrationsHistory"))
                return $"it is another program's SQLite database (tables: {string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", …" : "")})";
            return null;
        }
        catch (SqliteException e)
        {
            // "SQLite Error 26: 'file is not a database'." → file is not a database
            var quoted = e.Message.Split('\'');
            return $"it cannot be read as a database ({(quoted.Length >= 3 ? quoted[1] : e.Message)})";
        }
    }

    /// <summary>Whether <paramref name="error"/> says a store file is corrupt or not a database (SQLite codes 11 and 26).</summary>
    public static bool IsUnreadable(Exception error) =>
        error is SqliteException { SqliteErrorCode: 11 or 26 } || (error.InnerException is { } inner && IsUnreadable(inner));
}
