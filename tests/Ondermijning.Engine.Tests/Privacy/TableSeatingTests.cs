using Microsoft.Extensions.Options;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Privacy;

public class TableSeatingTests
{
    private static readonly MunicipalityCode Maastricht = MunicipalityCode.Parse("GM0935");
    private static readonly MunicipalityCode Heerlen = MunicipalityCode.Parse("GM0917");

    [Fact]
    public void A_municipality_seats_its_own_table_and_keeps_the_domain_membership_for_the_others()
    {
        var seating = new TableSeating(Options.Create(new PrivacyOptions
        {
            Tables = new() { ["GM0917"] = new() { ["MOT"] = ["riec", "politie", "gemeente"] } },
        }));

        seating.Seated(Heerlen, ChainTable.Mot).Should().BeEquivalentTo([Organisations.Riec, Organisations.Politie, Organisations.Gemeente]);
        seating.Seated(Heerlen, ChainTable.Lwo).Should().BeEquivalentTo(Organisations.DefaultSeating[ChainTable.Lwo]);
        seating.Seated(Maastricht, ChainTable.Mot).Should().Contain([Organisations.Belastingdienst, Organisations.Fiod]);
    }

    [Fact]
    public void A_typo_in_the_seating_stops_the_service_with_the_setting_named()
    {
        var create = () => new TableSeating(Options.Create(new PrivacyOptions
        {
            Tables = new() { ["GM0917"] = new() { ["MOT"] = ["politei"], ["TAFEL"] = ["riec"] } },
        }));

        create.Should().Throw<StartupRefusal>()
            .WithMessage("*Privacy:Tables:GM0917:MOT: unknown organisation(s) politei*Privacy:Tables:GM0917:TAFEL: not a table*");
    }
}
