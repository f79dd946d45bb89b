using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Problems;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Handhaving;

/// <summary>
/// Phenomenon studies of a branch, area or target group: the list per year, the form to start one, and (for the OOV
/// regisseur) the subjects about which enough signals came in to propose one.
/// </summary>
[RequiresPermission(Permission.ReadEnforcement)]
public sealed class FenomeenonderzoekModel(RecordEnforcement record, EnforcementRecords records, PhenomenonProposals proposals, CaseCodes codes,
    IClock clock) : RegisterPageModel<PhenomenonStudy>(codes, clock, records)
{
    public override string Adres => "/handhaving/fenomeenonderzoek";
    public override string Titel => "Fenomeenonderzoek";

    public IReadOnlyList<PhenomenonProposal> Voorstellen { get; private set; } = [];
    public bool MagVoorstellenZien => Actor.HasRoleFor(Permission.ReadPhenomenonProposals);

    protected override Func<EnforcementRecords, EnforcementQuery, Actor, CancellationToken, Task<Page<PhenomenonStudy>>> List =>
        (r, q, a, c) => r.StudiesAsync(q, a, c);

    protected override async Task LoadListAsync(EnforcementQuery query, CancellationToken cancellationToken)
    {
        await base.LoadListAsync(query, cancellationToken);
        if (MagVoorstellenZien)
            Voorstellen = await proposals.ForAsync(query.Municipality, Actor, cancellationToken);
    }

    protected override string Toelichting(string field) => field switch
    {
        "subjectKind" => "Kies waar het onderzoek over gaat.",
        "subject" => Waarde("subjectKind") == HandhavingTermen.Waarde(PhenomenonSubject.Area)
            ? "Een gebied is de vier cijfers van een postcode, bijvoorbeeld 6211."
            : "Noem de branche, het gebied of de doelgroep.",
        "origin" => "Kies de aanleiding.",
        "status" => "Kies of het onderzoek is afgerond of gestopt.",
        "date" => "De datum ligt vóór de start van het onderzoek.",
        "result" => $"Beschrijf het resultaat in hoogstens {Limits.StudyResult} tekens.",
        _ => "Controleer dit veld.",
    };

    public Task<IActionResult> OnPostAsync(string? gemeente, string? zaak, string? onderwerpsoort, string? onderwerp, string? aanleiding,
        string? startdatum, CancellationToken cancellationToken)
    {
        (Getypt["subjectKind"], Getypt["subject"], Getypt["origin"], Getypt["startedOn"]) = (onderwerpsoort, onderwerp, aanleiding, startdatum);
        return SaveAsync(gemeente, zaak, "Het fenomeenonderzoek is vastgelegd.", async (f, municipality, caseId) =>
        {
            var kind = f.Choice<PhenomenonSubject>(onderwerpsoort, "subjectKind", "what the study looks at");
            var details = new PhenomenonStudyDetails(municipality, kind, PhenomenonStudyDetails.ReadSubject(f, kind, onderwerp, "subject"),
                f.Choice<PhenomenonStudyOrigin>(aanleiding, "origin", "where the study started"), caseId,
                f.Date(startdatum, "startedOn", "the start date"));
            f.ThrowIfAny();
            return (await record.StartStudyAsync(details, Actor, cancellationToken)).StartedOn;
        }, cancellationToken);
    }

    /// <summary>The running study whose end form failed, so that its form shows the messages and what was typed.</summary>
    public string? BeeindigdOnderzoek => Waarde("study");

    public async Task<IActionResult> OnPostBeeindigenAsync(string? onderzoek, string? stand, string? datum, string? resultaat,
        CancellationToken cancellationToken)
    {
        (Getypt["study"], Getypt["status"], Getypt["date"], Getypt["result"]) = (onderzoek, stand, datum, resultaat);
        try
        {
            if (!PhenomenonStudyId.TryParse(onderzoek, out var id))
                throw new EngineProblem(ProblemKind.NotFound, "Phenomenon study not found", "The form names no phenomenon study.");
            var f = new RequestFields();
            var status = f.Choice<PhenomenonStudyStatus>(stand, "status", "how the study ended");
            var date = f.OptionalDate(datum, "date");
            f.ThrowIfAny();
            var study = await record.EndStudyAsync(id, status, date, resultaat, Actor, cancellationToken);
            TempData["Melding"] = $"Het fenomeenonderzoek is {HandhavingTermen.Stand[study.Status].ToLowerInvariant()}.";
            return Redirect($"{Adres}?jaar={study.StartedOn.Year}&gemeente={study.Municipality.Value}");
        }
        catch (EngineProblem problem)
        {
            return await RefusedAsync(problem, null, problem.Kind == ProblemKind.Conflict
                ? "Dit onderzoek is al afgerond of gestopt; het kan niet opnieuw worden beëindigd."
                : "Dit onderzoek bestaat niet (meer) in uw gemeente(n).", cancellationToken);
        }
    }
}
