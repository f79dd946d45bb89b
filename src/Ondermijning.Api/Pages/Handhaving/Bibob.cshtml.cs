using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Handhaving;

/// <summary>The Bibob screenings of permit applicants: the list per year and the form to record one.</summary>
[RequiresPermission(Permission.ReadEnforcement)]
public sealed class BibobModel(RecordEnforcement record, EnforcementRecords records, CaseCodes codes, IClock clock)
    : RegisterPageModel<BibobScreening>(codes, clock, records)
{
    public override string Adres => "/handhaving/bibob";
    public override string Titel => "Bibob-screenings";

    protected override Func<EnforcementRecords, EnforcementQuery, Actor, CancellationToken, Task<Page<BibobScreening>>> List =>
        (r, q, a, c) => r.BibobScreeningsAsync(q, a, c);

    protected override string Toelichting(string field) => field switch
    {
        "kind" => "Kies het soort screening.",
        "outcome" => "Kies de uitkomst.",
        "permitType" => "Vul in voor welke vergunning de aanvraag was.",
        _ => "Controleer dit veld.",
    };

    public Task<IActionResult> OnPostAsync(string? gemeente, string? zaak, string? datum, string? soort, string? vergunning, string? uitkomst,
        CancellationToken cancellationToken)
    {
        (Getypt["date"], Getypt["kind"], Getypt["permitType"], Getypt["outcome"]) = (datum, soort, vergunning, uitkomst);
        return SaveAsync(gemeente, zaak, "De Bibob-screening is vastgelegd.", async (f, municipality, caseId) =>
        {
            var details = new BibobScreeningDetails(municipality, caseId, f.Date(datum, "date", "the date of the outcome"),
                f.Choice<BibobKind>(soort, "kind", "the kind of screening"),
                f.Text(vergunning, "permitType", "Say which permit the application was for.", Limits.PermitType),
                f.Choice<BibobOutcome>(uitkomst, "outcome", "the outcome"));
            f.ThrowIfAny();
            return (await record.BibobAsync(details, Actor, cancellationToken)).Date;
        }, cancellationToken);
    }
}
