using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Tests.Deadlines;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Signals;

/// <summary>Registrations that arrive together are committed together; none is lost, doubled or left without its receipt.</summary>
public sealed class SignalCommitterTests
{
    private static SignalDetails Signal(string description) => new(
        MunicipalityCode.Parse("GM0935"), SourceChannel.MeldingGemeente, ReporterDetails.AnonymousReporter,
        description, "kappers", ["drugshandel"], [], [], [], null);

    [Fact]
    public async Task A_burst_with_repeated_keys_stores_every_signal_once_and_answers_repeats_with_the_first_case()
    {
        await using var host = await EngineHost.StartAsync();

        // 60 distinct signals, each sent three times at once: batches mix first sends and repeats of the same key.
        var sends = Enumerable.Range(0, 60).SelectMany(i => Enumerable.Repeat(i, 3)).OrderBy(_ => Random.Shared.Next()).ToList();
        var answers = await Task.WhenAll(sends.Select(i => Task.Run(() => host.RunAsync<RegisterSignal, (int Signal, RegisteredSignal Answer)>(async r =>
            (i, await r.HandleAsync(Signal($"signaal {i}"), EngineHost.Regisseur, new IdempotencyKey($"key-{i}", $"fingerprint-{i}")))))));

        foreach (var group in answers.GroupBy(a => a.Signal))
        {
            group.Count(a => a.Answer.Created).Should().Be(1, $"signal {group.Key} was created once");
            group.Select(a => a.Answer.Case.Id).Distinct().Should().ContainSingle($"every send of signal {group.Key} got the same case");
            group.Should().OnlyContain(a => a.Answer.Case.Description == $"signaal {group.Key}");
        }
        await host.RunAsync<OndermijningDbContext, bool>(async db =>
        {
            (await db.Cases.CountAsync()).Should().Be(60);
            (await db.ReporterReceipts.CountAsync()).Should().Be(60, "every stored case has its receipt");
            (await db.CaseHistory.CountAsync()).Should().Be(60, "each case has exactly its registration entry");
            return true;
        });
    }

    [Fact]
    public async Task The_receipt_handed_out_is_the_one_stored_with_the_case()
    {
        await using var host = await EngineHost.StartAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            host.RunAsync<RegisterSignal, RegisteredSignal>(r => r.HandleAsync(Signal($"signaal {i}"), EngineHost.Regisseur)))));

        foreach (var answer in answers)
            (await host.RunAsync<Receipts, ReceiptView>(r => r.LookUpAsync(answer.Receipt!.Value.Value))).Status.Should().Be(ReceiptStatus.Ontvangen);
    }

    [Fact]
    public async Task A_registration_that_cannot_be_built_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        await using var host = await EngineHost.StartAsync();
        var definition = await host.RunAsync<WorkflowCatalog, WorkflowDefinition>(c =>
            Task.FromResult(c.NewestApplying(c.DefaultWorkflow, new LocalDate(2024, 6, 3))));
        var now = host.Clock.GetCurrentInstant();

        var attempts = await host.RunAsync<SignalCommitter, Task<Case>[]>(committer => Task.FromResult(Enumerable.Range(0, 20).Select(i =>
            committer.CommitAsync(() => i == 7
                    ? throw new InvalidOperationException("broken signal")
                    : Case.Register(CaseId.New(), Signal($"signaal {i}"), definition.Key, definition.StartStage, definition.LowestSeverity, now,
                        EngineHost.Regisseur, null),
                ReceiptCode.Generate(), null, CancellationToken.None)).ToArray()));

        await attempts[7].Invoking(t => t).Should().ThrowAsync<InvalidOperationException>().WithMessage("broken signal");
        var stored = await Task.WhenAll(attempts.Where((_, i) => i != 7));
        stored.Select(c => c.Id).Distinct().Should().HaveCount(19);
        (await host.RunAsync<OndermijningDbContext, int>(db => db.Cases.CountAsync())).Should().Be(19);
    }

    [Fact]
    public async Task A_registration_the_database_refuses_fails_alone_as_invalid_and_the_rest_of_its_batch_is_stored()
    {
        await using var host = await EngineHost.StartAsync();
        var definition = await host.RunAsync<WorkflowCatalog, WorkflowDefinition>(c =>
            Task.FromResult(c.NewestApplying(c.DefaultWorkflow, new LocalDate(2024, 6, 3))));
        var now = host.Clock.GetCurrentInstant();

        // Straight to the writer, past the engine's checks: a missing description breaks the NOT NULL column of the
        // batch's one INSERT. The batch is retried one by one, so only that registration fails.
        var attempts = await host.RunAsync<SignalCommitter, Task<Case>[]>(committer => Task.FromResult(Enumerable.Range(0, 40).Select(i =>
            committer.CommitAsync(() => Case.Register(CaseId.New(), Signal(i == 7 ? null! : $"signaal {i}"), definition.Key,
                    definition.StartStage, definition.LowestSeverity, now, EngineHost.Regisseur, null),
                ReceiptCode.Generate(), null, CancellationToken.None)).ToArray()));

        var refused = await attempts[7].Invoking(t => t).Should().ThrowAsync<EngineProblem>();
        refused.Which.Kind.Should().Be(ProblemKind.Invalid);
        (await Task.WhenAll(attempts.Where((_, i) => i != 7))).Select(c => c.Id).Distinct().Should().HaveCount(39);
        (await host.RunAsync<OndermijningDbContext, int>(db => db.Cases.CountAsync())).Should().Be(39);
    }

    [Theory]
    [InlineData("Host=db;Database=ondermijning", 64)]
    [InlineData("Host=db;Database=ondermijning;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=ondermijning;MaxAutoPrepare=10", 10)]
    public void PostgreSQL_prepares_repeated_statements_unless_the_connection_string_decides(string given, int prepared) =>
        new NpgsqlConnectionStringBuilder(EngineServices.PostgresConnectionString(given)).MaxAutoPrepare.Should().Be(prepared);
}
