using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Definities;

/// <summary>One migration and how far its background job has come; the page reloads itself until the job is through.</summary>
[RequiresPermission(Permission.MigrateCases)]
public sealed class MigratieModel(MigrateCases migrations, WorkflowCatalog catalog) : PageModel
{
    public CaseMigration Migratie { get; private set; } = null!;
    public WorkflowDefinition Van { get; private set; } = null!;
    public WorkflowDefinition Naar { get; private set; } = null!;
    public bool Bezig => Migratie.Status is MigrationStatus.Queued or MigrationStatus.Running;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            Migratie = await migrations.FindAsync(Guid.TryParse(id, out var guid) ? guid : Guid.Empty, User.ToActor(), cancellationToken);
        }
        catch (EngineProblem missing) when (missing.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        (Van, Naar) = (catalog.Get(Migratie.From), catalog.Get(Migratie.To));
        // No script needed: the browser asks again in a few seconds while the job runs.
        if (Bezig) Response.Headers["Refresh"] = "2";
        return Page();
    }

    public static string Status(MigrationStatus status) => status switch
    {
        MigrationStatus.Queued => "in de wachtrij",
        MigrationStatus.Running => "bezig",
        MigrationStatus.Done => "klaar",
        _ => "onderbroken; de taak wordt vanzelf opnieuw geprobeerd",
    };

    public static string Uitkomst(CaseMigrationCase @case) => (@case.Status, @case.Failure) switch
    {
        (MigrationCaseStatus.Pending, _) => "wacht",
        (MigrationCaseStatus.Migrated, _) => "gemigreerd",
        (MigrationCaseStatus.Skipped, _) => "stond al op de nieuwe versie",
        (_, MigrationFailure.NoLongerVisible) => "niet gemigreerd: u ziet deze zaak niet meer",
        (_, MigrationFailure.OnAnotherVersion) => "niet gemigreerd: de zaak staat intussen op een andere versie",
        _ => "niet gemigreerd: de zaak is na de aanvraag een stap verder gegaan; migreer haar opnieuw",
    };
}
