using Ondermijning.Engine.Common;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Tests.Workflows;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Lwo;

public class LwoRoutesTests
{
    private static readonly IReadOnlyList<WorkflowDefinition> Shipped = DefinitionLoader.LoadFolder(ShippedDefinitionTests.ShippedFolder, ShippedDefinitionTests.Vocabulary);

    private static Dictionary<string, LwoRoute> RoutesOf(int version)
    {
        var definition = Shipped.Single(d => d.Key.Version == version);
        return definition.Transitions
            .Select(t => (t.Trigger.Value, Route: LwoRoutes.RouteOf(t)))
            .Where(x => x.Route is not null)
            .ToDictionary(x => x.Value, x => x.Route!.Value);
    }

    [Fact]
    public void In_v1_exactly_the_seven_LWO_steps_are_decisions_each_with_its_route()
    {
        RoutesOf(1).Should().Equal(new Dictionary<string, LwoRoute>
        {
            ["naar-politie"] = LwoRoute.Politie,
            ["naar-handhaving-wabo"] = LwoRoute.HandhavingWabo,
            ["naar-handhaving-openbare-ruimte"] = LwoRoute.HandhavingOpenbareRuimte,
            ["naar-ketenpartner"] = LwoRoute.Ketenpartner,
            ["naar-atom"] = LwoRoute.Atom,
            ["naar-mot"] = LwoRoute.Mot,
            ["geen-vervolg"] = LwoRoute.GeenVervolg,
        });
    }

    [Fact]
    public void In_v2_asking_Bibob_advice_is_no_decision_yet_but_going_from_the_advice_to_the_MOT_is()
    {
        var routes = RoutesOf(2);

        routes.Should().NotContainKey("vraag-bibob-advies").And.NotContainKey("bibob-advies-ontvangen").And.NotContainKey("atom-herweging");
        routes["bibob-naar-mot"].Should().Be(LwoRoute.Mot);
        routes.Should().HaveCount(8);
    }
}
