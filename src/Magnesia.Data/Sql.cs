using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Magnesia.Data;

/// <summary>
/// Plain parameterised commands for the read paths that must start fast (no EF Core model or query compilation).
/// Identifiers are quoted and parameters are <c>@name</c>, which SQLite and PostgreSQL both accept.
/// </summary>
internal static class Sql
{
    /// <summary>A command with named parameters, in the transaction if one is given.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            AddParameter(command, name, value);
        return command;
    }

    /// <summary>
    /// <c>{sql} WHERE {column} IN (@p0, @p1, …)</c> (or <c>AND</c> after a WHERE already in <paramref name="sql"/>),
    /// with the other parameters added too.
    /// </summary>
    public static DbCommand In<T>(DbConnection connection, DbTransaction? transaction, string sql, string column, IReadOnlyList<T> values, string? orderBy = null, params (string Name, object Value)[] parameters)
        where T : notnull
    {
        var command = Command(connection, transaction, "", parameters);
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"@in{i}";
            AddParameter(command, names[i], values[i]);
        }

        var glue = sql.Contains(" WHERE ", StringComparison.Ordinal) ? " AND " : " WHERE ";
        command.CommandText = $"{sql}{glue}{column} IN ({string.Join(", ", names)}){(orderBy is null ? "" : $" ORDER BY {orderBy}")}";
        return command;
    }

    /// <summary>A parameter value: null as <see cref="DBNull"/>.</summary>
    public static object OrNull(object? value) => value ?? DBNull.Value;

    /// <summary>Adds a named parameter.</summary>
    public static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>
    /// Runs plain commands on a context's connection, in its current transaction if one is open; the connection is
    /// opened for the call and closed after unless it was open already.
    /// </summary>
    public static async Task<T> OnContextConnectionAsync<T>(MagnesiaDbContext db, Func<DbConnection, DbTransaction?, Task<T>> run, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await run(connection, db.Database.CurrentTransaction?.GetDbTransaction());
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Reads a date column: SQLite stores DateOnly as "yyyy-MM-dd" text, which is parsed digit by digit.</summary>
    public static DateOnly ReadDate(DbDataReader reader, int i)
    {
        if (reader.GetFieldType(i) != typeof(string))
            return reader.GetFieldValue<DateOnly>(i);
        var t = reader.GetString(i);
        return t.Length == 10
            ? new DateOnly((t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0'), (t[5] - '0') * 10 + (t[6] - '0'), (t[8] - '0') * 10 + (t[9] - '0'))
            : DateOnly.Parse(t, CultureInfo.InvariantCulture);
    }

    /// <summary>A nullable date column.</summary>
    public static DateOnly? ReadNullableDate(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : ReadDate(reader, i);
}
