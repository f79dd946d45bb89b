using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Privacy;

/// <summary>The second line behind the access gate: a query that forgot it still sees only the scope's municipalities.</summary>
public class DataScopeTests
{
    private static readonly MunicipalityCode Maastricht = MunicipalityCode.Parse("GM0935");
    private static readonly MunicipalityCode Heerlen = MunicipalityCode.Parse("GM0917");
    private static readonly Instant Now = Instant.FromUtc(2024, 6, 3, 8, 0);

    private static SqliteOndermijningDbContext Open(string file, DataScope scope) =>
        new(new DbContextOptionsBuilder<SqliteOndermijningDbContext>().UseSqlite(EngineServices.SqliteConnectionString(file)).Options) { Scope = scope };

    [Fact]
    public async Task A_scoped_context_sees_only_its_municipalities_whichever_context_instance_runs_the_query()
    {
        var file = Path.Combine(Scratch.NewFolder(), "ondermijning.db");
        var definition = new DefinitionKey(new WorkflowId("ondermijning"), 1);
        var actor = new Actor("oov", "OOV", Organisations.Gemeente, new HashSet<Role> { Role.OovRegisseur }, new HashSet<MunicipalityCode> { Maastricht, Heerlen });
        await using (var setup = Open(file, new DataScope()))
        {
            await setup.Database.MigrateAsync();
            foreach (var municipality in new[] { Maastricht, Heerlen, Heerlen })
            {
                var signal = new SignalDetails(municipality, SourceChannel.Professional, ReporterDetails.AnonymousReporter, "Signaal", null, [], [], [], [], null);
                setup.Cases.Add(Case.Register(CaseId.New(), signal, definition,
                    new StageDefinition(new StageId("ontvangen"), "Ontvangen", StageKind.Start, null, null), new Severity("laag"), Now, actor, null));
            }
            await setup.SaveChangesAsync();
        }

        var maastricht = new DataScope();
        maastricht.RestrictTo([Maastricht]);
        var heerlen = new DataScope();
        heerlen.RestrictTo([Heerlen]);
        var nobody = new DataScope();
        nobody.RestrictTo([]);

        // The model (and its filters) is built once per context type: each instance must still use its own scope.
        await using var a = Open(file, maastricht);
        await using var b = Open(file, heerlen);
        await using var c = Open(file, nobody);
        await using var all = Open(file, new DataScope());
        (await a.Cases.CountAsync()).Should().Be(1);
        (await b.Cases.CountAsync()).Should().Be(2);
        (await c.Cases.CountAsync()).Should().Be(0);
        (await all.Cases.CountAsync()).Should().Be(3);
        (await b.Cases.Select(x => x.Municipality).Distinct().ToListAsync()).Should().Equal(Heerlen);
    }
}
