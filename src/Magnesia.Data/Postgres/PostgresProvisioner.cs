using Magnesia.Data.Foods;
using Magnesia.Foods;
using Magnesia.Intake;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Magnesia.Data;

/// <summary>
/// SR28 into PostgreSQL with binary <c>COPY</c> (about 130,000 rows: foods, portions, nutrients) inside one transaction
/// with the dataset row, so the foods are all there or none are — the same rows <see cref="Sr28Provisioner"/> writes
/// through EF Core on SQLite (it shares its row mapping).
/// </summary>
internal static class PostgresProvisioner
{
    public static async Task<bool> EnsureAsync(PostgresMagnesiaDbContext db, IProgress<double>? progress, CancellationToken ct)
    {
        if (await Sr28Provisioner.IsProvisionedAsync(db, ct))
            return false;
        var foods = Sr28Provisioner.ReadEmbedded(); // validates every row before anything is written
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            // Serialises provisioning with any other writer of the table; the advisory lock already keeps instances apart.
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE datasets IN EXCLUSIVE MODE", connection, tx))
                await lockTable.ExecuteNonQueryAsync(ct);
            await using (var check = new NpgsqlCommand("SELECT COUNT(*) FROM datasets WHERE \"Id\" = @id", connection, tx))
            {
                check.Parameters.AddWithValue("id", Sr28Provisioner.DatasetId);
                if ((long)(await check.ExecuteScalarAsync(ct))! > 0)
                    return false;
            }

            await using (var groups = await connection.BeginBinaryImportAsync("COPY food_groups (\"Code\", \"Name\") FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var g in FoodGroups.All)
                    await groups.WriteRowAsync(ct, g.Code, g.Name);
                await groups.CompleteAsync(ct);
            }

            var records = foods.Select(Sr28Provisioner.ToRecord).ToList();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY foods (\"Ndb\", \"Name\", \"ShortName\", \"GroupCode\", \"CommonNames\", \"Manufacturer\", \"ScientificName\", \"SurveyFood\", \"Source\", \"SourceId\", \"Release\", \"Retired\") FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var f in records)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(f.Ndb, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(f.Name, NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(copy, f.ShortName, ct);
                    await copy.WriteAsync(f.GroupCode, NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(copy, f.CommonNames, ct);
                    await WriteNullableAsync(copy, f.Manufacturer, ct);
                    await WriteNullableAsync(copy, f.ScientificName, ct);
                    await copy.WriteAsync(f.SurveyFood, NpgsqlDbType.Boolean, ct);
                    await copy.WriteAsync(f.Source, NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(copy, f.SourceId, ct);
                    await WriteNullableAsync(copy, f.Release, ct);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                }

                await copy.CompleteAsync(ct);
            }

            progress?.Report(0.4);
            await using (var copy = await connection.BeginBinaryImportAsync("COPY food_portions (\"Ndb\", \"Sequence\", \"Description\", \"Grams\") FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var p in records.SelectMany(f => f.Portions))
                    await copy.WriteRowAsync(ct, p.Ndb, p.Sequence, p.Description, p.Grams);
                await copy.CompleteAsync(ct);
            }

            progress?.Report(0.6);
            await using (var copy = await connection.BeginBinaryImportAsync("COPY food_nutrients (\"Ndb\", \"Nutrient\", \"Amount\") FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var n in records.SelectMany(f => f.Nutrients))
                    await copy.WriteRowAsync(ct, n.Ndb, ContractNames.Name(n.Nutrient), n.Amount);
                await copy.CompleteAsync(ct);
            }

            progress?.Report(0.9);
            await using (var dataset = new NpgsqlCommand("INSERT INTO datasets (\"Id\", \"Description\", \"FoodCount\", \"ImportedAt\", \"Release\") VALUES (@id, @description, @count, @at, 'SR28')", connection, tx))
            {
                dataset.Parameters.AddWithValue("id", Sr28Provisioner.DatasetId);
                dataset.Parameters.AddWithValue("description", Sr28Provisioner.DatasetDescription);
                dataset.Parameters.AddWithValue("count", foods.Count);
                dataset.Parameters.AddWithValue("at", DateTimeOffset.UtcNow);
                await dataset.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            progress?.Report(1);
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null)
            await copy.WriteNullAsync(ct);
        else
            await copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
    }
}
