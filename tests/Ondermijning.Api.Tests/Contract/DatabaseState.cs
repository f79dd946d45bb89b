using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>
/// Every row of every table of the service's model, read past the query filters, as one comparable text: a refused
/// request must leave it as it was. The access log (a refused look is still a look) and the jobs' own bookkeeping are
/// left out. A cheap version is asked first (<see cref="VersionAsync"/>), so the thousands of refusals that wrote nothing
/// cost no read of every row into .NET.
/// </summary>
internal sealed class DatabaseState(ApiFactory factory) : IAsyncDisposable
{
    private static readonly HashSet<string> Left = ["access_log", "job_runs", "report_snapshots"];
    private SqliteConnection? _watch;
    private (string Version, string State)? _last;
    private IReadOnlyList<(string Name, string Quoted)>? _tables;

    public async Task<string> ReadAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
        var tables = _tables ??= db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is { } name && !Left.Contains(name))
            .Select(e => (Name: e.GetTableName()!, Quoted: $"{(e.GetSchema() is { } schema ? $"\"{schema}\"." : "")}\"{e.GetTableName()}\""))
            .Distinct()
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        // Asked before the rows are read: a commit in between makes the next version differ, never the other way round.
        var version = await VersionAsync(db, tables);
        if (_last is { } last && last.Version == version) return last.State;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(";\n", tables.Select(t => $"SELECT * FROM {t.Quoted}"));
        await using var reader = await command.ExecuteReaderAsync();
        var state = new StringBuilder();
        var table = 0;
        do
        {
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join("|", values.Select(Text)));
            }
            rows.Sort(StringComparer.Ordinal);
            state.Append("## ").AppendLine(tables[table++].Name).AppendJoin('\n', rows).AppendLine();
        } while (await reader.NextResultAsync());
        var text = state.ToString();
        _last = (version, text);
        return text;
    }

    /// <summary>
    /// What changes whenever a row changes. SQLite: the number a connection of its own sees change when any other connection
    /// commits. PostgreSQL (one server for the whole parallel pass, so nothing server-wide stands still): per table its
    /// row count and the sum of its rows' <c>xmin</c>, the transaction that wrote each row version. A transaction that
    /// begins after the previous one committed (the fuzz tests send one request at a time) has a higher id than every row
    /// version in the table, so any change that keeps the count raises the sum. This reads no row as text: hashing every
    /// row's text cost the fuzz tests on PostgreSQL about a fifth of their CPU.
    /// </summary>
    private async Task<string> VersionAsync(OndermijningDbContext db, IReadOnlyList<(string Name, string Quoted)> tables)
    {
        if (db.Database.IsSqlite())
        {
            if (_watch is null)
            {
                _watch = new SqliteConnection(db.Database.GetConnectionString());
                await _watch.OpenAsync();
            }
            await using var ask = _watch.CreateCommand();
            ask.CommandText = "PRAGMA data_version";
            return Convert.ToString(await ask.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
        }
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(", ", tables.Select(t =>
            $"(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM {t.Quoted})"));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));
    }

    public async ValueTask DisposeAsync()
    {
        if (_watch is not null) await _watch.DisposeAsync();
    }

    private static string Text(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DBNull => "∅",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
