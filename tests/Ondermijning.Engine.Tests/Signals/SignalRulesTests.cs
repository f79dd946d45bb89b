using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Tests.Deadlines;

namespace Ondermijning.Engine.Tests.Signals;

/// <summary>
/// The engine checks a signal itself, whichever door it came through: what breaks a rule is refused with every field's
/// path before anything reaches the database write it would share with other registrations.
/// </summary>
public sealed class SignalRulesTests
{
    [Fact]
    public async Task A_signal_that_breaks_the_rules_is_refused_by_the_engine_with_each_fields_path_and_nothing_is_stored()
    {
        await using var host = await EngineHost.StartAsync();
        var signal = new SignalDetails(MunicipalityCode.Parse("GM0935"), SourceChannel.MeldingGemeente,
            new ReporterDetails(false, "Melder", new string('c', Limits.Contact + 1)),
            "Drukte \ud800 bij een kapsalon", new string('b', 150), ["drugshandel"],
            [new PersonSubject(new string('n', 201), new LocalDate(1899, 12, 31), null)],
            [new CompanySubject("Kapsalon", "1234 5678", "Maastricht")],
            [new AddressSubject("6211 ab", 0, "a\tb", null, null)], null);

        var refused = await FluentActions.Awaiting(() => host.RunAsync<RegisterSignal, RegisteredSignal>(r => r.HandleAsync(signal, EngineHost.Regisseur)))
            .Should().ThrowAsync<EngineProblem>();

        refused.Which.Kind.Should().Be(ProblemKind.Invalid);
        refused.Which.Breaches.ToDictionary(b => b.Key, b => b.Value.Rule).Should().BeEquivalentTo(new Dictionary<string, FieldRule>
        {
            ["description"] = FieldRule.LoneSurrogate,
            ["reporter.contact"] = FieldRule.TooLong,
            ["branch"] = FieldRule.TooLong,
            ["persons[0].name"] = FieldRule.TooLong,
            ["persons[0].birthDate"] = FieldRule.DateOutOfRange,
            ["companies[0].kvkNumber"] = FieldRule.KvkNumber,
            ["addresses[0].postcode"] = FieldRule.Postcode,
            ["addresses[0].houseNumber"] = FieldRule.HouseNumber,
        });
        (await host.RunAsync<OndermijningDbContext, int>(db => db.Cases.CountAsync())).Should().Be(0);
    }
}
