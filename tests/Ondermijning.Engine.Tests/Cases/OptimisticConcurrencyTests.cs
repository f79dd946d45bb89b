using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Cases;

/// <summary>The mechanism under the 409: two contexts that read the same revision cannot both write.</summary>
public class OptimisticConcurrencyTests
{
    private static readonly Actor Regisseur = new("oov-1", "OOV", Organisations.Gemeente, new HashSet<Role> { Role.OovRegisseur }, new HashSet<MunicipalityCode> { MunicipalityCode.Parse("GM0935") });
    private static readonly Instant Now = Instant.FromUtc(2024, 6, 3, 8, 0);

    private static StageDefinition Stage(string id) => new(new StageId(id), id, StageKind.Work, null, null);

    private static SqliteOndermijningDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<SqliteOndermijningDbContext>().UseSqlite(EngineServices.SqliteConnectionString(file)).Options);

    [Fact]
    public async Task The_second_writer_of_the_same_revision_loses_and_writes_nothing()
    {
        var file = Path.Combine(Scratch.NewFolder(), "ondermijning.db");
        var definition = new DefinitionKey(new WorkflowId("ondermijning"), 1);
        var signal = new SignalDetails(MunicipalityCode.Parse("GM0935"), SourceChannel.Professional, ReporterDetails.AnonymousReporter,
            "Signaal", null, [], [], [], [], null);
        CaseId id;
        await using (var setup = Open(file))
        {
            await setup.Database.MigrateAsync();
            var @case = Case.Register(CaseId.New(), signal, definition, Stage("lwo"), new Severity("laag"), Now, Regisseur, null);
            setup.Cases.Add(@case);
            await setup.SaveChangesAsync();
            id = @case.Id;
        }

        await using var first = Open(file);
        await using var second = Open(file);
        var a = await first.Cases.SingleAsync(c => c.Id == id);
        var b = await second.Cases.SingleAsync(c => c.Id == id);
        a.MoveTo(Stage("politie"), new TriggerId("naar-politie"), null, new Dictionary<string, string>(), Now, Now, Regisseur);
        b.MoveTo(Stage("atom"), new TriggerId("naar-atom"), null, new Dictionary<string, string>(), Now, Now, Regisseur);

        await first.SaveCaseChangesAsync(CancellationToken.None);
        var lose = () => second.SaveCaseChangesAsync(CancellationToken.None);

        (await lose.Should().ThrowAsync<EngineProblem>()).Which.Kind.Should().Be(ProblemKind.Conflict);
        await using var check = Open(file);
        (await check.Cases.SingleAsync(c => c.Id == id)).Stage.Should().Be(new StageId("politie"));
        (await check.CaseHistory.CountAsync(h => h.CaseId == id)).Should().Be(2);
    }
}
