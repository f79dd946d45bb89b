using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>The vocabulary the service ships with, as the build copies it next to the tests.</summary>
public static class ShippedVocabulary
{
    public static readonly Vocabulary Value =
        DefinitionLoader.LoadVocabulary(Path.Combine(AppContext.BaseDirectory, "workflows", DefinitionLoader.VocabularyFile));

    public static IReadOnlyList<Role> Roles => Value.Roles.Select(r => r.Id).ToList();

    public static IReadOnlyList<Engine.Privacy.OrganisationId> Organisations => Value.Organisations.Select(o => o.Id).ToList();
}
