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
/// left out. On SQLite a connection of its own asks first whether any other connection committed since the last read
/// (<c>PRAGMA data_version</c>), so the thousands of refusals that wrote nothing cost no read of every row.
/// </summary>
internal sealed class DatabaseState(ApiFactory factory) : IAsyncDisposable
{
    private static readonly HashSet<string> Left = ["access_log", "job_runs", "report_snapshots"];
    private SqliteConnection? _watch;
    private (long Version, string State)? _last;

    public async Task<string> ReadAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
        long? version = null;
        if (db.Database.IsSqlite())
        {
            if (_watch is null)
            {
                _watch = new SqliteConnection(db.Database.GetConnectionString());
                await _watch.OpenAsync();
            }
            await using var ask = _watch.CreateCommand();
            ask.CommandText = "PRAGMA data_version";
            version = (long)(await ask.ExecuteScalarAsync())!;
            if (_last is { } last && last.Version == version) return last.State;
        }
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is { } name && !Left.Contains(name))
            .Select(e => (Schema: e.GetSchema(), Name: e.GetTableName()!))
            .Distinct()
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(";\n", tables.Select(t => $"SELECT * FROM {(t.Schema is null ? "" : $"\"{t.Schema}\".")}\"{t.Name}\""));
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
        if (version is { } read) _last = (read, text);
        return text;
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
