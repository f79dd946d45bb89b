using Microsoft.Extensions.Options;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Tests.Workflows;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Privacy;

public class TableSeatingTests
{
    private static readonly MunicipalityCode Maastricht = MunicipalityCode.Parse("GM0935");
    private static readonly MunicipalityCode Heerlen = MunicipalityCode.Parse("GM0917");
    private static readonly Vocabulary Vocabulary = ShippedDefinitionTests.Vocabulary;
    private static readonly WorkflowCatalog Catalog = new(Vocabulary, [], new WorkflowId("ondermijning"));

    private static TableDefinition Table(string id) => Vocabulary.FindTable(id)!;

    [Fact]
    public void A_municipality_seats_its_own_table_and_keeps_the_domain_membership_for_the_others()
    {
        var seating = new TableSeating(Options.Create(new PrivacyOptions
        {
            Tables = new() { ["GM0917"] = new() { ["MOT"] = ["riec", "politie", "gemeente"] } },
        }), Catalog);

        seating.Seated(Heerlen, Table("mot")).Should().BeEquivalentTo([new OrganisationId("riec"), new OrganisationId("politie"), Organisations.Gemeente]);
        seating.Seated(Heerlen, Table("lwo")).Should().BeEquivalentTo(Table("lwo").DefaultSeating);
        seating.Seated(Maastricht, Table("mot")).Should().Contain([new OrganisationId("belastingdienst"), new OrganisationId("fiod")]);
    }

    [Fact]
    public void A_typo_in_the_seating_stops_the_service_with_the_setting_named()
    {
        var create = () => new TableSeating(Options.Create(new PrivacyOptions
        {
            Tables = new() { ["GM0917"] = new() { ["MOT"] = ["politei"], ["TAFEL"] = ["riec"] } },
        }), Catalog);

        create.Should().Throw<StartupRefusal>()
            .WithMessage("*Privacy:Tables:GM0917:MOT: unknown organisation(s) politei*Privacy:Tables:GM0917:TAFEL: not a table of the vocabulary; the tables are: lwo, atom, mot, signalenoverleg*");
    }
}
