using System.CommandLine;
using Magnesia.Data;
using Magnesia.Data.Contracts;

namespace Magnesia.Cli.Features.Store;

/// <summary><c>magnesia db backup &lt;file&gt;</c>: a consistent copy of the store while it is in use (SQLite's online backup API).</summary>
internal static class DbBackupCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var file = new Argument<string>("file") { Description = "The backup file to write (replaced when it exists)." };
        var command = new Command("backup", "Copy the store, consistently, while the app may be running.") { file };
        command.Validate(r => string.IsNullOrWhiteSpace(r.GetValue(file)) ? "<file> is required" : Directory.Exists(r.GetValue(file)) ? $"<file>: '{r.GetValue(file)}' is a directory" : null);
        command.SetAction(async (parse, ct) =>
        {
            if (cli.PostgresConnection(parse.GetValue(g.Db)) is not null)
                throw new UsageException(PgDump);
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            BackupInfo info;
            try
            {
                info = await StoreBackup.BackupAsync(store, parse.GetValue(file)!, ct);
            }
            catch (Exception e) when (e is InvalidBackupException or IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"<file>: {e.Message}");
            }

            return Report(cli, parse.GetValue(g.Json), "backed up to", info);
        });
        return command;
    }

    internal const string PgDump = "backups of the PostgreSQL store are PostgreSQL's: pg_dump -Fc … > magnesia.dump, pg_restore -d … magnesia.dump (see README)";

    internal static int Report(CliContext cli, bool json, string what, BackupInfo info)
    {
        if (json)
            return cli.WriteJson(BackupResponse.From(info));
        cli.Out.WriteLine(info.Path);
        cli.Error.WriteLine($"{what} {info.Path}: {info.SizeBytes / 1024.0 / 1024.0:0.0} MiB, {info.Entries} diary entries, {info.Accounts} accounts, schema {info.Migration}");
        return MagnesiaCli.Ok;
    }
}

/// <summary>
/// <c>magnesia db restore &lt;file&gt;</c>: validates the backup (integrity, schema this version knows, foods present),
/// then replaces the store's content with it in one transaction.
/// </summary>
internal static class DbRestoreCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var file = new Argument<string>("file") { Description = "A file written by `magnesia db backup`." };
        var yes = new Option<bool>("--yes") { Description = "Replace without asking (needed when no terminal can ask)." };
        var command = new Command("restore", "Replace the store with a backup (validated first; one transaction; asks first).") { file, yes };
        command.SetAction(async (parse, ct) =>
        {
            if (cli.PostgresConnection(parse.GetValue(g.Db)) is not null)
                throw new UsageException(DbBackupCommand.PgDump);
            var path = cli.SqlitePath(parse.GetValue(g.Db));
            // Restoring replaces every diary in the store: like import's --replace, it is never done by accident.
            if (!parse.GetValue(yes))
            {
                if (!cli.InputIsTerminal)
                    throw new UsageException($"db restore replaces everything in {path}; add --yes to confirm");
                if (!cli.Confirm($"Replace everything in {path} with {parse.GetValue(file)}?"))
                    throw new UsageException("restore cancelled; nothing was changed");
            }

            BackupInfo info;
            try
            {
                info = await StoreBackup.RestoreAsync(path, parse.GetValue(file)!, null, ct);
            }
            catch (InvalidBackupException e)
            {
                throw new UsageException(e.Message);
            }

            return DbBackupCommand.Report(cli, parse.GetValue(g.Json), "restored into", info);
        });
        return command;
    }
}

/// <summary><c>magnesia db migrate</c>: applies pending migrations and provisions the foods now, for operators who upgrade explicitly.</summary>
internal static class DbMigrateCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("migrate", "Bring the store's schema and foods up to date now (otherwise the first use does it).");
        command.SetAction(async (parse, ct) =>
        {
            var postgres = cli.PostgresConnection(parse.GetValue(g.Db)) is not null;
            var path = MagnesiaStore.ResolvePath(parse.GetValue(g.Db), cli.Environment);
            // PostgreSQL reports no "before": its migration runs under the advisory lock inside the open.
            var upgraded = !postgres && (!File.Exists(path) || !await Magnesia.Data.Store.IsCurrentForOperatorsAsync(path, ct));
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var response = new MigrateResponse(store.Path, MagnesiaStore.LatestMigration, upgraded);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(response);
            cli.Out.WriteLine(upgraded ? $"upgraded {store.Path} to {response.Migration}" : postgres ? $"{store.Path} is up to date" : $"{store.Path} is current ({response.Migration})");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
