using Ondermijning.Api.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Beheer;

/// <summary>
/// The access log for administrators: who looked at or shared gated information in their municipalities, and whether
/// the whole chain is intact.
/// </summary>
[Authorize(Roles = "beheerder")]
[RequiresPermission(Permission.ReadAccessLog)]
public sealed class ToegangslogModel(AccessLog log, CaseCodes codes, WorkflowCatalog catalog) : PageModel
{
    public string? Zaak { get; private set; }
    public string? Gebruiker { get; private set; }
    public AccessLogVerification Verification { get; private set; } = null!;
    public IReadOnlyList<AccessLogRecord> Records { get; private set; } = [];
    /// <summary>Set when the case filter names no case: then no records are shown, rather than the whole log.</summary>
    public string? ZaakFout { get; private set; }
    public string? GebruikerFout { get; private set; }

    public async Task OnGetAsync(string? zaak, string? gebruiker, CancellationToken cancellationToken)
    {
        (Zaak, Gebruiker) = (zaak, gebruiker);
        Verification = await log.VerifyAsync(cancellationToken);
        CaseId? caseId = null;
        if (!string.IsNullOrWhiteSpace(zaak))
        {
            caseId = await codes.ResolveAsync(zaak, cancellationToken);
            if (caseId is null)
            {
                ZaakFout = "Geen zaak van uw gemeente(n) met deze zaakcode of dit id. Gebruik de code van acht tekens (zoals 4F0CAE01) of het volledige id.";
                return;
            }
        }
        if (TextRule.Check(gebruiker, Limits.Name, TextKind.SingleLine, out var user) is { } breach)
        {
            GebruikerFout = DutchMessages.ForBreach(breach);
            return;
        }
        Records = await log.QueryAsync(new AccessLogQuery(caseId, user, 500, NewestFirst: true),
            User.ToActor(), cancellationToken);
    }

    public static string ActionLabel(AccessAction action) => action switch
    {
        AccessAction.Read => "Inzien",
        AccessAction.Add => "Toevoegen",
        AccessAction.Export => "Exporteren",
        AccessAction.Erase => "Wissen",
        _ => action.ToString(),
    };

    /// <summary>The processing activity in words; its stable id stays in the record and the export.</summary>
    public static string? ActivityLabel(string? activity) => activity switch
    {
        null => "–",
        ProcessingActivity.ReadInformation => "Informatie inzien",
        ProcessingActivity.SearchInformation => "Informatie zoeken",
        ProcessingActivity.RecordInformation => "Informatie vastleggen",
        ProcessingActivity.ExportCase => "Dossier exporteren",
        ProcessingActivity.EraseAfterRetention => "Wissen na de bewaartermijn",
        _ => activity,
    };

    /// <summary>
    /// The purpose as the engine records it ("MOT / mot": the table and stage of the gate) in words: the stage's label.
    /// The record keeps its own text, which its hash covers.
    /// </summary>
    public string PurposeLabel(string purpose)
    {
        var stage = purpose.Split(" / ")[^1];
        return catalog.All.Select(d => d.FindStage(new StageId(stage))).FirstOrDefault(s => s is not null)?.Label ?? purpose;
    }
}
