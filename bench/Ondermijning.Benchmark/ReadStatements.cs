using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Benchmark;

/// <summary>
/// What the database itself needs for what a page or route shows: the hand-written statements a DBA would run for it,
/// timed on a connection of their own. The yardstick the service's time is compared with, as <see cref="Baseline"/> is
/// for writes.
/// </summary>
public sealed class ReadStatements : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly StorageProvider _provider;

    private ReadStatements(DbConnection connection, StorageProvider provider)
    {
        _connection = connection;
        _provider = provider;
    }

    public static async Task<ReadStatements> OpenAsync(BenchDatabase database)
    {
        DbConnection connection = database.Provider == StorageProvider.PostgreSql
            ? new NpgsqlConnection(database.Location)
            : new SqliteConnection(database.SqliteConnectionString);
        await connection.OpenAsync();
        return new ReadStatements(connection, database.Provider);
    }

    /// <summary>A value as the engine stores it: Unix ticks and upper-case text on SQLite, native types on PostgreSQL.</summary>
    public object Stored(object value) => (_provider, value) switch
    {
        (StorageProvider.Sqlite, Instant instant) => instant.ToUnixTimeTicks(),
        (StorageProvider.Sqlite, Guid guid) => guid.ToString().ToUpperInvariant(),
        (_, Instant instant) => instant.ToDateTimeUtc(),
        _ => value,
    };

    /// <summary>Identifiers and codes the benchmark chose itself, written into the statement as a list of literals.</summary>
    public static string Literals(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v.Replace("'", "''")}'"));

    /// <summary>Runs the statements once and returns how many rows they read.</summary>
    public async Task<long> RunAsync(IReadOnlyList<string> statements, IReadOnlyDictionary<string, object> parameters)
    {
        long rows = 0;
        foreach (var sql in statements)
        {
            await using var command = Command(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                // Every column, as a client that shows the rows would.
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
        return rows;
    }

    /// <summary>One unmeasured run (the database's cache), then <paramref name="times"/> timed ones, in milliseconds.</summary>
    public async Task<double[]> TimeAsync(IReadOnlyList<string> statements, IReadOnlyDictionary<string, object> parameters, int times)
    {
        await RunAsync(statements, parameters);
        var latencies = new double[times];
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            await RunAsync(statements, parameters);
            latencies[i] = clock.Elapsed.TotalMilliseconds;
        }
        return latencies;
    }

    public async Task<T> ScalarAsync<T>(string sql, IReadOnlyDictionary<string, object>? parameters = null)
    {
        await using var command = Command(sql, parameters ?? new Dictionary<string, object>());
        var result = await command.ExecuteScalarAsync();
        return result is T typed ? typed : (T)Convert.ChangeType(result!, typeof(T));
    }

    /// <summary>The statement with those of the parameters it names.</summary>
    private DbCommand Command(string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(p => sql.Contains('@' + p.Key, StringComparison.Ordinal)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Stored(value);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>The first column of every row, as text.</summary>
    public async IAsyncEnumerable<string> ColumnAsync(string sql, IReadOnlyDictionary<string, object> parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) yield return Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
