using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Handhaving;

/// <summary>Drug premises closed under art. 13b Opiumwet (Damocles): the list per year and the form to record one.</summary>
[RequiresPermission(Permission.ReadEnforcement)]
public sealed class SluitingenModel(RecordEnforcement record, EnforcementRecords records, CaseCodes codes, IClock clock)
    : RegisterPageModel<DrugPremisesClosure>(codes, clock, records)
{
    public const int LongestMonths = 120;

    public override string Adres => "/handhaving/sluitingen";
    public override string Titel => "Sluitingen van drugspanden (art. 13b Opiumwet)";

    protected override Func<EnforcementRecords, EnforcementQuery, Actor, CancellationToken, Task<Page<DrugPremisesClosure>>> List =>
        (r, q, a, c) => r.ClosuresAsync(q, a, c);

    protected override string Toelichting(string field) => field switch
    {
        "premises" => "Vul het adres van het gesloten pand in.",
        "durationMonths" => $"Vul een duur van 1 tot en met {LongestMonths} maanden in, of laat het leeg voor onbepaalde tijd.",
        _ => "Controleer dit veld.",
    };

    public Task<IActionResult> OnPostAsync(string? gemeente, string? zaak, string? sluitingsdatum, string? pand, string? maanden,
        CancellationToken cancellationToken)
    {
        (Getypt["closedOn"], Getypt["premises"], Getypt["durationMonths"]) = (sluitingsdatum, pand, maanden);
        return SaveAsync(gemeente, zaak, "De sluiting is vastgelegd.", async (f, municipality, caseId) =>
        {
            int? months = null;
            if (!string.IsNullOrWhiteSpace(maanden))
            {
                if (int.TryParse(maanden.Trim(), out var number) && number is >= 1 and <= LongestMonths) months = number;
                else f.Error("durationMonths", $"A closure lasts 1 to {LongestMonths} months; leave it out for an indefinite closure.");
            }
            var details = new DrugPremisesClosureDetails(municipality, caseId, f.Date(sluitingsdatum, "closedOn", "the first day of the closure"),
                f.Text(pand, "premises", "Say which premises were closed.", Limits.Location), months);
            f.ThrowIfAny();
            return (await record.DrugPremisesClosureAsync(details, Actor, cancellationToken)).ClosedOn;
        }, cancellationToken);
    }
}
