using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Definities;

/// <summary>Every version of every workflow, drawn, with the number of cases running on it.</summary>
[RequiresPermission(Permission.ReadWorkflows)]
public sealed class IndexModel(WorkflowCatalog catalog, CaseQueries queries) : PageModel
{
    public IReadOnlyList<WorkflowDefinition> Versions { get; private set; } = [];
    public IReadOnlyDictionary<DefinitionKey, int> CaseCounts { get; private set; } = new Dictionary<DefinitionKey, int>();
    public bool MayPublish => User.ToActor().HasRoleFor(Permission.PublishWorkflows);
    public bool MayMigrate => User.ToActor().HasRoleFor(Permission.MigrateCases);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = catalog.All.OrderByDescending(d => d.Key.Version).ToList();
        CaseCounts = await queries.CountPerVersionAsync(cancellationToken);
    }
}
