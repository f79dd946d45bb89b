using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Handhaving;

/// <summary>Penalty payments imposed for street dealing: the list per year and the form to record one.</summary>
[RequiresPermission(Permission.ReadEnforcement)]
public sealed class StraathandelModel(RecordEnforcement record, EnforcementRecords records, CaseCodes codes, IClock clock)
    : RegisterPageModel<StreetDealingPenalty>(codes, clock, records)
{
    public override string Adres => "/handhaving/straathandel";
    public override string Titel => "Dwangsommen straathandel";

    protected override Func<EnforcementRecords, EnforcementQuery, Actor, CancellationToken, Task<Page<StreetDealingPenalty>>> List =>
        (r, q, a, c) => r.PenaltiesAsync(q, a, c);

    protected override string Toelichting(string field) => field == "party" ? "Kies of de dwangsom een koper of een verkoper gold." : "Controleer dit veld.";

    public Task<IActionResult> OnPostAsync(string? gemeente, string? zaak, string? datum, string? partij, CancellationToken cancellationToken)
    {
        (Getypt["imposedOn"], Getypt["party"]) = (datum, partij);
        return SaveAsync(gemeente, zaak, "De dwangsom is vastgelegd.", async (f, municipality, caseId) =>
        {
            var details = new StreetDealingPenaltyDetails(municipality, caseId, f.Date(datum, "imposedOn", "the date the penalty was imposed"),
                f.Choice<StreetDealingParty>(partij, "party", "whether a buyer or a seller was penalised"));
            f.ThrowIfAny();
            return (await record.StreetDealingPenaltyAsync(details, Actor, cancellationToken)).ImposedOn;
        }, cancellationToken);
    }
}
