using System.Text;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Workflows;

public class VocabularyTests
{
    private static (Vocabulary? Vocabulary, List<DefinitionError> Errors) Read(string json)
    {
        var errors = new List<DefinitionError>();
        return (DefinitionLoader.ParseVocabulary(Encoding.UTF8.GetBytes(json), "vocabulary.json", errors), errors);
    }

    [Fact]
    public void The_shipped_vocabulary_declares_the_chain_as_it_was_with_the_privacy_officer_and_the_signal_meeting()
    {
        var vocabulary = ShippedDefinitionTests.Vocabulary;

        vocabulary.Tables.Select(t => (t.Id.Value, t.Name, t.Kind)).Should().Equal(
            ("lwo", "LWO", TableKind.Lwo), ("atom", "ATOM", TableKind.Atom), ("mot", "MOT", TableKind.Mot),
            ("signalenoverleg", "Signalenoverleg", TableKind.Meeting));
        vocabulary.FindTable("atom")!.DefaultSeating.Select(o => o.Value).Should().BeEquivalentTo(
            "politie", "handhaving-openbare-ruimte", "handhaving-wabo", "sociale-recherche", "gemeente");
        vocabulary.NameOf(new Role("privacyfunctionaris")).Should().Be("Privacyfunctionaris");
        vocabulary.NameOf(new OrganisationId("nvwa")).Should().Be("NVWA (ketenpartner)");
        vocabulary.Roles.Should().OnlyContain(r => r.PermissionsOf == r.Id, "every shipped role has its own column in the permission table");
    }

    [Fact]
    public void A_stage_at_a_table_the_vocabulary_does_not_declare_is_refused_with_path_and_line()
    {
        var v1 = File.ReadAllText(Path.Combine(ShippedDefinitionTests.ShippedFolder, "ondermijning", "v1.json"));
        var line = v1[..v1.IndexOf("\"table\": \"MOT\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var errors = new List<DefinitionError>();

        var definition = DefinitionLoader.Parse(Encoding.UTF8.GetBytes(v1.Replace("\"table\": \"MOT\"", "\"table\": \"casusoverleg\"")),
            "ondermijning/v1.json", errors, ShippedDefinitionTests.Vocabulary);

        definition.Should().BeNull();
        var error = errors.Should().ContainSingle().Subject;
        error.Path.Should().MatchRegex(@"^\$\.stages\[\d+\]\.table$");
        error.Line.Should().Be(line);
        error.Problem.Should().Be("'casusoverleg' is not a table of the vocabulary; the tables are: lwo, atom, mot, signalenoverleg");
    }

    [Fact]
    public void A_table_declared_in_the_vocabulary_is_one_a_stage_may_sit_at_and_its_kind_says_what_it_records()
    {
        var (vocabulary, errors) = Read("""
            {
              "organisations": [ { "id": "gemeente", "name": "Gemeente" }, { "id": "kansspelautoriteit", "name": "Kansspelautoriteit" } ],
              "roles": [ { "id": "oov-regisseur", "name": "OOV-regisseur" } ],
              "tables": [
                { "id": "lwo", "name": "LWO", "kind": "lwo", "seating": ["gemeente"] },
                { "id": "casusoverleg", "name": "Casusoverleg", "kind": "meeting", "seating": ["gemeente", "kansspelautoriteit"] }
              ]
            }
            """);
        errors.Should().BeEmpty();
        var fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid", "v1.json"));
        var definitionErrors = new List<DefinitionError>();

        var definition = DefinitionLoader.Parse(Encoding.UTF8.GetBytes(fixture.Replace("\"table\": \"LWO\"", "\"table\": \"casusoverleg\"")),
            "proef/v1.json", definitionErrors, vocabulary!);

        definitionErrors.Should().BeEmpty();
        var table = definition!.Stage(new StageId("lwo")).Table!;
        (table.Name, table.Kind).Should().Be(("Casusoverleg", TableKind.Meeting));
        table.DefaultSeating.Should().Contain(new OrganisationId("kansspelautoriteit"));
    }

    [Fact]
    public void Seating_an_organisation_the_vocabulary_does_not_declare_is_refused_with_path_and_line()
    {
        var (vocabulary, errors) = Read("""
            {
              "organisations": [ { "id": "gemeente", "name": "Gemeente" }, { "id": "politie", "name": "Politie" } ],
              "roles": [ { "id": "oov-regisseur", "name": "OOV-regisseur" } ],
              "tables": [
                { "id": "atom", "name": "ATOM", "kind": "atom", "seating": ["gemeente", "politei"] }
              ]
            }
            """);

        vocabulary.Should().BeNull();
        var error = errors.Should().ContainSingle().Subject;
        (error.Path, error.Line).Should().Be(("$.tables[0].seating[1]", 5));
        error.Problem.Should().Be("unknown organisation 'politei'; the organisations are: gemeente, politie");
    }

    [Fact]
    public void Every_mistake_in_the_vocabulary_is_named_in_one_pass()
    {
        var (vocabulary, errors) = Read("""
            {
              "organisations": [ { "id": "riec", "name": "RIEC", "categorie": "keten" } ],
              "roles": [
                { "id": "privacyfunctionaris", "name": "Privacyfunctionaris", "permissionsOf": "analist" },
                { "id": "toezichthouder", "name": "Toezichthouder" },
                { "id": "lezer", "name": "Lezer", "permissionsOf": "directeur" }
              ],
              "tables": [ { "id": "casusoverleg", "name": "Casusoverleg", "kind": "overleg", "seating": ["riec"] } ],
              "groups": []
            }
            """);

        vocabulary.Should().BeNull();
        errors.Select(e => e.Path).Should().BeEquivalentTo(
            "$.groups", "$.organisations[0].categorie", "$.organisations", "$.roles[1].id", "$.roles[2].permissionsOf", "$.tables[0].kind");
        errors.Single(e => e.Path == "$.roles[1].id").Problem.Should().StartWith(
            "the permission table has no role 'toezichthouder'; say with 'permissionsOf' whose permissions this role holds: analist, beheerder,");
        errors.Single(e => e.Path == "$.tables[0].kind").Problem.Should().Be("'overleg' is not a kind of table; use lwo, atom, mot, meeting");
        errors.Should().OnlyContain(e => e.Line != null || e.Path == "$.organisations");
    }

    [Fact]
    public void A_role_declared_only_in_the_vocabulary_holds_the_permissions_of_the_role_it_names()
    {
        var (vocabulary, errors) = Read("""
            {
              "organisations": [ { "id": "gemeente", "name": "Gemeente" } ],
              "roles": [ { "id": "toezichthouder", "name": "Toezichthouder", "permissionsOf": "statistiek" } ],
              "tables": [ { "id": "lwo", "name": "LWO", "kind": "lwo", "seating": ["gemeente"] } ]
            }
            """);

        errors.Should().BeEmpty();
        var role = vocabulary!.FindRole(new Role("toezichthouder"))!;
        var actor = new Actor("t-1", "Toezichthouder", Organisations.Gemeente, new HashSet<Role> { role.Id }, new HashSet<MunicipalityCode>())
        {
            PermissionRoles = new HashSet<Role> { role.Id, role.PermissionsOf },
        };

        actor.HasRoleFor(Permission.ReadStatistics).Should().BeTrue();
        actor.HasRoleFor(Permission.RegisterSignal).Should().BeFalse();
    }
}
