namespace Magnesia.Testing;

/// <summary>
/// A folder under the system temp directory for one test process (templates, copied stores, generated releases), deleted
/// when the process exits: runs that each left hundreds of megabytes behind filled a developer's disk. Compiled into
/// every test project (linked source).
/// </summary>
internal static class TempRoot
{
    /// <summary><c>{temp}/{prefix}{process id}</c>, removed with everything in it at process exit.</summary>
    public static string ForProcess(string prefix)
    {
        var root = Path.Combine(Path.GetTempPath(), prefix + Environment.ProcessId);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (Directory.Exists(root))
                    Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a file still held open: the folder stays, as it did before
            }
        };
        return root;
    }
}
