using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Hosting;

/// <summary>
/// Start-up time must not grow with the number of cases: no statement a (re)start issues reads a whole table that holds
/// rows per case. Checked with SQLite's own query plans of the statements the service really ran, so a new start-up
/// step that scans is caught on a small database, long before it takes seconds on a large one.
/// </summary>
public class StartupScanTests
{
    [Fact]
    public async Task A_restart_reads_no_table_that_grows_with_the_cases_in_full()
    {
        var database = TestDatabase.New(StorageProvider.Sqlite);
        await using (var first = new ApiFactory(database))
        {
            var client = first.CreateClient();
            for (var i = 0; i < 3; i++) await client.FireOkAsync((await client.RegisterAsync()).Str("id"), "start-verrijking");
        }

        var statements = new StatementRecorder();
        await using var restart = new ApiFactory(database) { ReplaceServices = s => s.AddSingleton<IInterceptor>(statements) };
        _ = restart.CreateClient();
        var startUp = statements.Reads.ToList();

        startUp.Should().Contain(s => s.Sql.Contains("\"job_runs\"", StringComparison.Ordinal),
            "the recorder saw the start-up's own statements (the backfills ask whether they ran)");
        var growing = GrowingTables(restart);
        var scans = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.Location, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var (sql, parameters) in startUp)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await using var plan = await explain.ExecuteReaderAsync();
            while (await plan.ReadAsync())
            {
                var step = plan.GetString(3);
                if (!step.StartsWith("SCAN ", StringComparison.Ordinal)) continue;
                var name = step.Split(' ')[1];
                var table = Alias(name).Match(sql) is { Success: true } aliased ? aliased.Groups[1].Value : name;
                if (growing.Contains(table)) scans.Add($"{step} ({table}) in: {sql}");
            }
        }
        scans.Should().BeEmpty("a restart must not read every case (or every row of a table per case)");
    }

    /// <summary>The case and every table with a row per case (history, subjects, search terms, stays, …), and the access log.</summary>
    private static HashSet<string> GrowingTables(ApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>().Model;
        return model.GetEntityTypes()
            .Where(e => e.ClrType == typeof(Case) || e.FindProperty("CaseId") is not null || e.GetTableName() == "access_log")
            .Select(e => e.GetTableName()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static Regex Alias(string alias) => new($"\"(\\w+)\" AS \"{Regex.Escape(alias)}\"");

    /// <summary>Every statement that reads, as the service sent it, with its parameter values.</summary>
    private sealed class StatementRecorder : DbCommandInterceptor
    {
        private readonly List<(string Sql, List<(string Name, object? Value)> Parameters)> _reads = [];

        public IEnumerable<(string Sql, List<(string Name, object? Value)> Parameters)> Reads
        {
            get
            {
                lock (_reads) return _reads.ToList();
            }
        }

        private void Record(DbCommand command)
        {
            if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) return;
            lock (_reads)
                _reads.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }
}
