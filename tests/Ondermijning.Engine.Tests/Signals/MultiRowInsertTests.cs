using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Tests.Deadlines;
using Ondermijning.Engine.Tests.Workflows;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Signals;

/// <summary>
/// Intake stores its batches with <see cref="MultiRowInsert"/> instead of SaveChanges. Whatever the model maps, the
/// rows must come out the same: the same case written both ways into two empty databases leaves identical tables.
/// </summary>
public sealed class MultiRowInsertTests
{
    private static readonly Instant Now = Instant.FromUtc(2024, 6, 3, 8, 15, 30) + Duration.FromTicks(1230);

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_rows_of_a_registration_are_the_rows_SaveChanges_writes(StorageProvider provider)
    {
        var ids = Enumerable.Range(0, 3).Select(_ => CaseId.New()).ToList();
        var codes = ids.ToDictionary(id => id, _ => ReceiptCode.Generate());
        var definition = DefinitionLoader.LoadFolder(ShippedDefinitionTests.ShippedFolder, ShippedDefinitionTests.Vocabulary).OrderBy(d => d.Key.Version).First();

        await using var bySaveChanges = await CreateAsync(provider);
        foreach (var id in ids) bySaveChanges.Cases.Add(Registration(id, definition));
        bySaveChanges.ReporterReceipts.AddRange(ids.Select(id => new ReporterReceipt(id, codes[id])));
        await bySaveChanges.SaveChangesAsync();

        await using var byInsert = await CreateAsync(provider);
        var insert = new MultiRowInsert(byInsert);
        foreach (var id in ids)
        {
            insert.AddGraph(Registration(id, definition));
            insert.AddGraph(new ReporterReceipt(id, codes[id]));
        }
        await insert.SaveAsync(CancellationToken.None);

        var tables = bySaveChanges.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();
        foreach (var table in tables)
            (await RowsAsync(byInsert, table)).Should().Equal(await RowsAsync(bySaveChanges, table), $"table {table} holds the same rows");
        (await RowsAsync(byInsert, "case_history")).Should().HaveCount(3, "the comparison covers the written rows, not two empty tables");
    }

    [Fact]
    public async Task A_batch_that_fails_halfway_stores_nothing()
    {
        var definition = DefinitionLoader.LoadFolder(ShippedDefinitionTests.ShippedFolder, ShippedDefinitionTests.Vocabulary).First();
        await using var db = await CreateAsync(StorageProvider.Sqlite);
        var id = CaseId.New();
        var insert = new MultiRowInsert(db);
        insert.AddGraph(Registration(id, definition));
        var code = ReceiptCode.Generate();
        insert.AddGraph(new ReporterReceipt(id, code));
        insert.AddGraph(new ReporterReceipt(id, code)); // the same receipt twice: its primary key refuses the second

        var act = () => insert.SaveAsync(CancellationToken.None);
        (await act.Should().ThrowAsync<DbUpdateException>()).Which.Should().Match<DbUpdateException>(e => db.IsUniqueViolation(e));

        (await db.Cases.CountAsync()).Should().Be(0);
        (await db.CaseHistory.CountAsync()).Should().Be(0);
    }

    private static Case Registration(CaseId id, WorkflowDefinition definition) => Case.Register(id,
        new SignalDetails(MunicipalityCode.Parse("GM0935"), SourceChannel.MeldingGemeente, new ReporterDetails(false, "Jan Jansen", "06-12345678"),
            "Veel bezoekers met korte bezoekjes", "kappers", ["drugshandel", "witwassen"],
            [new PersonSubject("Piet de Vries", new LocalDate(1980, 2, 29), "eigenaar"), new PersonSubject("Onbekend", null, null)],
            [new CompanySubject("Kapsalon De Schaar", "12345678", "Maastricht")],
            [new AddressSubject("6211AB", 12, "a", "Grote Straat", "Maastricht")], null),
        definition.Key, definition.StartStage, definition.LowestSeverity, Now, EngineHost.Regisseur, Now - Duration.FromDays(3));

    private static async Task<OndermijningDbContext> CreateAsync(StorageProvider provider)
    {
        OndermijningDbContext db = provider switch
        {
            StorageProvider.PostgreSql => new PostgresOndermijningDbContext(new DbContextOptionsBuilder<PostgresOndermijningDbContext>()
                .UseNpgsql(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"multirow_{Guid.NewGuid():N}" }.ConnectionString,
                    npgsql => npgsql.UseNodaTime())
                .Options),
            _ => new SqliteOndermijningDbContext(new DbContextOptionsBuilder<SqliteOndermijningDbContext>()
                .UseSqlite(EngineServices.SqliteConnectionString(EngineHost.NewDatabasePath()))
                .Options),
        };
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>Every row of a table as text, in a fixed order, so two databases can be compared value by value.</summary>
    private static async Task<List<string>> RowsAsync(OndermijningDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Text(reader.GetValue(i)))}")));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Text(object value) => value switch
    {
        Array array => "[" + string.Join(",", array.Cast<object>()) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static string PostgresServer => Environment.GetEnvironmentVariable("ONDERMIJNING_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("This test needs PostgreSQL: run ./test.sh, which starts a throwaway server, or set ONDERMIJNING_TEST_POSTGRES.");
}
